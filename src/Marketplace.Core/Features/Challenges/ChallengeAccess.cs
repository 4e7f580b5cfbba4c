using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>The ownership rule of this area: agency staff act only on their own agency's challenges.</summary>
internal static class ChallengeAccess
{
    public static async Task<Challenge> FindChallengeAsync(this MarketplaceDbContext db, int id, IClock clock, CancellationToken ct)
    {
        var challenge = await db.Challenges.Include(c => c.Agency).Include(c => c.Panel).SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException(Texts.Get("Features.Challenges.ChallengeAccess.ThisChallengeDoesNotExist"));
        challenge.CloseIfDue(clock.Now);
        return challenge;
    }

    public static async Task<Challenge> OwnChallengeAsync(this MarketplaceDbContext db, ICurrentUser user, int id, IClock clock, CancellationToken ct)
    {
        var challenge = await db.FindChallengeAsync(id, clock, ct);
        if (await db.OrganisationIdOf(user, ct) != challenge.AgencyId)
            throw new ForbiddenException(Texts.Get("Features.Challenges.ChallengeAccess.YouCanManageOnlyYourOwn"),
                hideExistence: !challenge.IsPublic);
        return challenge;
    }
}
