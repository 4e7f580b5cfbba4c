using System.Security.Claims;
using Marketplace.Core.Common;

namespace Marketplace.Web.Infrastructure;

public sealed class WebCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => Principal?.Identity?.IsAuthenticated == true ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string? UserName => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
