using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Admin;

[Authorize(Roles = Core.Common.Roles.Admin)]
public sealed class IndexModel : PageModel;
