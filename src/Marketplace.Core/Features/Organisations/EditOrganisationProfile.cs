using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Organisations;

/// <summary>
/// An organisation's members edit its profile; nobody else can, not even moderators. On a verified organisation,
/// new legal names, juristic number or website domain become a change request for NIA; the rest is saved at once.
/// </summary>
public static class EditOrganisationProfile
{
    [RequiresSignIn]
    public sealed record Query : IRequest<Command>;

    [RequiresSignIn]
    public sealed class Command : ICommand<Outcome>, IProfileFields
    {
        public int OrganisationId { get; set; }
        public string? NameTh { get; set; }
        public string? NameEn { get; set; }
        public string? JuristicNumber { get; set; }
        public string? ProvinceCode { get; set; }
        public string? Website { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactPhone { get; set; }
        public string? DescriptionTh { get; set; }
        public string? DescriptionEn { get; set; }

        /// <summary>Shown beside the form; not editable.</summary>
        public VerificationState Verification { get; set; }
        public string? RejectionReason { get; set; }
        public OrganisationKind Kind { get; set; }
        public PendingChange? Pending { get; set; }

        /// <summary>The version the form showed; a save over a newer one is refused as a lost race (SeenVersions).</summary>
        public long? Version { get; set; }
    }

    public enum Outcome { Saved, ChangeWaitsForApproval }

    /// <summary>The identity change waiting for NIA, shown next to the live (verified) values.</summary>
    public sealed record PendingChange(string NameTh, string NameEn, string? JuristicNumber, string? Website, DateTimeOffset RequestedAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(MarketplaceDbContext db)
        {
            this.AddProfileRules(db);
            RuleFor(x => x.DescriptionTh).MaximumLength(4000)
                .WithMessage(_ => Texts.Get("Features.Organisations.EditOrganisationProfile.TheDescriptionMustBeCharactersOr"));
            RuleFor(x => x.DescriptionEn).MaximumLength(4000)
                .WithMessage(_ => Texts.Get("Features.Organisations.EditOrganisationProfile.TheDescriptionMustBeCharactersOr"));
        }
    }

    public sealed class QueryHandler(MarketplaceDbContext db, ICurrentUser user) : IRequestHandler<Query, Command>
    {
        public async Task<Command> Handle(Query request, CancellationToken cancellationToken)
        {
            var organisationId = await db.OrganisationIdOf(user, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Organisations.EditOrganisationProfile.ThisAccountDoesNotBelongTo"));
            return await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => new Command
            {
                OrganisationId = o.Id,
                NameTh = o.NameTh,
                NameEn = o.NameEn,
                ProvinceCode = o.ProvinceCode,
                Website = o.Website,
                ContactEmail = o.ContactEmail,
                ContactPhone = o.ContactPhone,
                DescriptionTh = o.DescriptionTh,
                DescriptionEn = o.DescriptionEn,
                Verification = o.Verification,
                RejectionReason = o.RejectionReason,
                Kind = o.Kind,
                JuristicNumber = o.JuristicNumber,
                Version = EF.Property<long>(o, ConcurrencyTokens.Version),
                Pending = db.OrganisationChangeRequests.Where(c => c.OrganisationId == o.Id && c.State == ChangeRequestState.Pending)
                    .Select(c => new PendingChange(c.NameTh, c.NameEn, c.JuristicNumber, c.Website, c.RequestedAt)).FirstOrDefault(),
            }).SingleAsync(cancellationToken);
        }
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Organisations.EditOrganisationProfile.ThisOrganisationDoesNotExist"));
            if (await db.OrganisationIdOf(user, cancellationToken) != organisation.Id)
                throw new ForbiddenException(Texts.Get("Features.Organisations.EditOrganisationProfile.YouCanEditOnlyYourOwn"));
            db.ExpectVersion(organisation, request.Version);

            var juristic = await JuristicNumberOfAsync(organisation, request.JuristicNumber, cancellationToken);
            var profile = new OrganisationProfile(request.NameTh!, request.NameEn!, request.ProvinceCode!, request.Website,
                request.ContactEmail!, request.ContactPhone, request.DescriptionTh, request.DescriptionEn);

            var outcome = Outcome.Saved;
            if (organisation.Verification == VerificationState.Verified && organisation.ChangesIdentity(profile.NameTh, profile.NameEn, juristic, profile.Website))
            {
                await RequestChangeAsync(organisation, profile, juristic, cancellationToken);
                // The verified values stay live; a new page on the same domain is not a new identity and is saved.
                var sameDomain = Organisation.WebsiteDomain(organisation.Website) == Organisation.WebsiteDomain(profile.Website);
                profile = profile with { NameTh = organisation.NameTh, NameEn = organisation.NameEn, Website = sameDomain ? profile.Website : organisation.Website };
                outcome = Outcome.ChangeWaitsForApproval;
            }
            else
                organisation.CorrectJuristicNumber(juristic);
            organisation.UpdateProfile(profile);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Organisation), () => organisation.Id, TextArg.Of("Audit.Summary.ProfileEdited", TextArg.Bilingual(organisation.NameTh, organisation.NameEn)));
            return outcome;
        }

        private async Task RequestChangeAsync(Organisation organisation, OrganisationProfile profile, string? juristic, CancellationToken ct)
        {
            foreach (var older in await db.OrganisationChangeRequests
                         .Where(c => c.OrganisationId == organisation.Id && c.State == ChangeRequestState.Pending).ToListAsync(ct))
                older.Supersede(clock.Now);
            var change = new OrganisationChangeRequest(organisation.Id, profile.NameTh, profile.NameEn, juristic, profile.Website, user.UserId!, clock.Now);
            db.OrganisationChangeRequests.Add(change);
            await db.SaveChangesAsync(ct);
            audit.Record(nameof(OrganisationChangeRequest), () => change.Id,
                TextArg.Of("Audit.Summary.OrganisationChangeRequested", TextArg.Bilingual(organisation.NameTh, organisation.NameEn),
                TextArg.Plain($"'{change.NameTh}' / '{change.NameEn}', {change.JuristicNumber}, {change.Website}")));
        }

        /// <summary>Vendors have one; agencies have none, so an agency's form never sends one.</summary>
        private async Task<string?> JuristicNumberOfAsync(Organisation organisation, string? input, CancellationToken ct)
        {
            if (organisation.Kind != OrganisationKind.Vendor)
                return null;
            if (Domain.JuristicNumber.Problem(input) is { } problem)
                throw InvalidRequestException.For(nameof(Command.JuristicNumber), problem);
            var number = Domain.JuristicNumber.Normalise(input);
            if (await db.Organisations.AnyAsync(o => o.JuristicNumber == number && o.Id != organisation.Id, ct))
                throw InvalidRequestException.For(nameof(Command.JuristicNumber), Texts.Get("Features.Organisations.EditOrganisationProfile.ThisJuristicPersonNumberBelongsTo"));
            return number;
        }
    }
}
