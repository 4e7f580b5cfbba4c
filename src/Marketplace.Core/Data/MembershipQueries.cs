using Marketplace.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

public static class MembershipQueries
{
    /// <summary>
    /// Read from the database on every request rather than from a cookie claim, so a membership
    /// or verification change takes effect at once.
    /// </summary>
    public static Task<int?> OrganisationIdOf(this MarketplaceDbContext db, ICurrentUser user, CancellationToken ct) =>
        db.Users.Where(u => u.Id == user.UserId).Select(u => u.OrganisationId).SingleOrDefaultAsync(ct);
}
