using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Membership;

/// <summary>The one place that says who may manage an organisation's people, and what joining or leaving changes.</summary>
public static class MembershipRules
{
    /// <summary>An organisation admin of this very organisation, or an NIA moderator. Nobody else, not even other members.</summary>
    public static async Task EnsureMayManageMembersAsync(this MarketplaceDbContext db, ICurrentUser user, int organisationId, CancellationToken ct)
    {
        if (user.IsModerator())
            return;
        if (await db.OrganisationIdOf(user, ct) == organisationId && await IsOrganisationAdminAsync(db, user, ct))
            return;
        throw new ForbiddenException(Texts.Get("Features.Membership.MembershipRules.OnlyThisOrganisationSAdminsOr"));
    }

    public static Task<bool> IsOrganisationAdminAsync(MarketplaceDbContext db, ICurrentUser user, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id == user.UserId && u.IsOrganisationAdmin, ct);

    public static string RoleFor(OrganisationKind kind) => kind == OrganisationKind.Vendor ? Roles.Vendor : Roles.Buyer;

    /// <summary>A person belongs to at most one organisation; joining gives the role that goes with its kind.</summary>
    public static async Task JoinAsync(UserManager<AppUser> users, AppUser person, Organisation organisation, bool asAdmin)
    {
        if (person.OrganisationId is not null)
            throw new DomainRuleException(Texts.Get("Features.Membership.MembershipRules.ThisAccountAlreadyBelongsToAn"));
        person.OrganisationId = organisation.Id;
        person.IsOrganisationAdmin = asAdmin;
        Succeed(await users.UpdateAsync(person));
        var role = RoleFor(organisation.Kind);
        if (!await users.IsInRoleAsync(person, role))
            Succeed(await users.AddToRoleAsync(person, role));
    }

    /// <summary>Leaving takes the organisation's role away, and a new security stamp ends the person's other sessions.</summary>
    public static async Task LeaveAsync(UserManager<AppUser> users, AppUser person, OrganisationKind kind)
    {
        person.OrganisationId = null;
        person.IsOrganisationAdmin = false;
        Succeed(await users.UpdateAsync(person));
        var role = RoleFor(kind);
        if (await users.IsInRoleAsync(person, role))
            Succeed(await users.RemoveFromRoleAsync(person, role));
        Succeed(await users.UpdateSecurityStampAsync(person));
    }

    private static void Succeed(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
