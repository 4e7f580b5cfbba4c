using System.Security.Claims;
using Marketplace.Core.Common;

namespace Marketplace.Web.Infrastructure;

public sealed class WebCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => Principal?.Identity?.IsAuthenticated == true ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string? UserName => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name : null;

    /// <summary>Roles count only once the address is confirmed (the claims factory already leaves them out; this holds even for an old cookie).</summary>
    public bool IsInRole(string role) =>
        Principal?.IsInRole(role) == true && !Principal.HasClaim(c => c.Type == Security.MarketplaceClaims.Unconfirmed);
}
