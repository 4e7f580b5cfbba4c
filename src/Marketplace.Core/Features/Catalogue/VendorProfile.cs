using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>A startup's public page: who they are and their published solutions.</summary>
public static class VendorProfile
{
    public sealed record Query(string Slug, int Page = 1) : IRequest<Result>;

    public sealed record Result(string Slug, string NameTh, string NameEn, string ProvinceTh, string ProvinceEn, string? Website,
        string? DescriptionTh, string? DescriptionEn, bool Verified, BrowseListings.Result Listings);

    public sealed class Handler(MarketplaceDbContext db, IMediator mediator) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var vendor = await db.Organisations.AsNoTracking()
                .Where(o => o.Slug == request.Slug && o.Kind == OrganisationKind.Vendor && o.Verification == VerificationState.Verified)
                .Join(db.Provinces, o => o.ProvinceCode, p => p.Code, (o, p) => new { o, p })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Catalogue.VendorProfile.ThisCompanyDoesNotExist"));
            var listings = await mediator.Send(new BrowseListings.Query(VendorId: vendor.o.Id, Page: request.Page), cancellationToken);
            return new Result(vendor.o.Slug, vendor.o.NameTh, vendor.o.NameEn, vendor.p.NameTh, vendor.p.NameEn, vendor.o.Website,
                vendor.o.DescriptionTh, vendor.o.DescriptionEn, true, listings);
        }
    }
}
