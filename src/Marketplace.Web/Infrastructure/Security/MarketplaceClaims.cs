using System.Security.Claims;
using Marketplace.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Infrastructure.Security;

/// <summary>
/// Builds the signed-in principal. A person whose address is not confirmed gets no role claims at all (so no
/// policy, page or command grants them anything) and a marker the <see cref="AccountGate"/> acts on.
/// Rebuilt on every request by the security-stamp check, so confirming, enrolling or losing a role takes effect at once.
/// </summary>
public sealed class MarketplaceClaims(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string Unconfirmed = "marketplace:unconfirmed";
    public const string TwoFactor = "marketplace:two-factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!user.EmailConfirmed)
        {
            foreach (var role in identity.FindAll(Options.ClaimsIdentity.RoleClaimType).ToList())
                identity.RemoveClaim(role);
            identity.AddClaim(new Claim(Unconfirmed, "true"));
        }
        if (user.TwoFactorEnabled)
            identity.AddClaim(new Claim(TwoFactor, "true"));
        return identity;
    }
}
