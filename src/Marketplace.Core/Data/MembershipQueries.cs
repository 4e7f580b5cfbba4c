using Marketplace.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

public static class MembershipQueries
{
    /// <summary>
    /// Read from the database on every request rather than from a cookie claim, so a membership
    /// or verification change takes effect at once. A person whose e-mail address is not confirmed belongs to
    /// no organisation: an address at an agency's domain proves nothing until its owner has read our e-mail.
    /// </summary>
    public static Task<int?> OrganisationIdOf(this MarketplaceDbContext db, ICurrentUser user, CancellationToken ct) =>
        db.Users.Where(u => u.Id == user.UserId && u.EmailConfirmed).Select(u => u.OrganisationId).SingleOrDefaultAsync(ct);
}
