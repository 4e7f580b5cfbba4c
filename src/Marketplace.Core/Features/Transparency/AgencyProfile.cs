using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Transparency;

/// <summary>
/// An agency's public page: who it is, the challenges it has made public, what it awarded (through the award register,
/// so the figures are the register's) and the pilot packages it bought. Only a verified agency has a page, as only
/// a verified agency can publish or buy.
/// </summary>
public static class AgencyProfile
{
    /// <summary>How many awards, purchases and challenges the page lists; the totals always cover all of them.</summary>
    public const int Shown = 50;

    public sealed record Query(string Slug) : IRequest<Result>;

    public sealed record Result(OrganisationName Agency, string ProvinceTh, string ProvinceEn, string? Website, string? DescriptionTh,
        string? DescriptionEn, PublicChallenges.Result Challenges, AwardRegister.Result Awards, PurchaseRegister.Result Purchases);

    public sealed class Handler(MarketplaceDbContext db, IMediator mediator) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var agency = await db.Organisations.AsNoTracking()
                .Where(o => o.Slug == request.Slug && o.Kind == OrganisationKind.Agency && o.Verification == VerificationState.Verified)
                .Join(db.Provinces, o => o.ProvinceCode, p => p.Code, (o, p) => new { o, p })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Transparency.AgencyProfile.ThisAgencyDoesNotExist"));
            var o = agency.o;
            var challenges = await mediator.Send(new PublicChallenges.Query(PageSize: Shown) { AgencyId = o.Id }, cancellationToken);
            var awards = await mediator.Send(new AwardRegister.Query(PageSize: Shown) { Filter = new AwardFilter(Agency: o.Slug) }, cancellationToken);
            var purchases = await mediator.Send(new PurchaseRegister.Query(PageSize: Shown) { Agency = o.Slug }, cancellationToken);
            return new Result(new OrganisationName(o.Id, o.Slug, o.NameTh, o.NameEn), agency.p.NameTh, agency.p.NameEn, o.Website,
                o.DescriptionTh, o.DescriptionEn, challenges, awards, purchases);
        }
    }
}
