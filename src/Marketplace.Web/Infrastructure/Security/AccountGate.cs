using Marketplace.Core.Common;

namespace Marketplace.Web.Infrastructure.Security;

/// <summary>
/// Where a signed-in person may go before their account is complete: someone who has not confirmed their
/// address sees only the page that says how to; a moderator or admin without two-factor sign-in only the
/// enrolment page (unless <c>Marketplace:Security:RequireStaffTwoFactor</c> is false). The account pages,
/// the privacy notice, status pages and static files stay open.
/// </summary>
public static class AccountGate
{
    public const string ConfirmPath = "/account/confirm-email";
    public const string EnrolPath = "/account/two-factor";

    private static readonly string[] OpenPrefixes = ["/account", "/privacy", "/language", "/status", "/health", "/css/", "/js/", "/lib/", "/favicon.ico"];

    public static IApplicationBuilder UseAccountGate(this WebApplication app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && !OpenPrefixes.Any(p => context.Request.Path.StartsWithSegments(p.TrimEnd('/'))))
        {
            var target = user.HasClaim(c => c.Type == MarketplaceClaims.Unconfirmed) ? ConfirmPath
                : RequiresEnrolment(app.Configuration, user) ? EnrolPath : null;
            if (target is not null)
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                else
                    context.Response.Redirect(target);
                return;
            }
        }
        await next();
    });

    public static bool RequireStaffTwoFactor(IConfiguration configuration) =>
        configuration.GetValue("Marketplace:Security:RequireStaffTwoFactor", true);

    private static bool RequiresEnrolment(IConfiguration configuration, System.Security.Claims.ClaimsPrincipal user) =>
        (user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin)) && !user.HasClaim(c => c.Type == MarketplaceClaims.TwoFactor)
        && RequireStaffTwoFactor(configuration);
}
