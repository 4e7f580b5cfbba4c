using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Organisations;

/// <summary>An organisation's members edit its profile; nobody else can, not even moderators.</summary>
public static class EditOrganisationProfile
{
    [RequiresSignIn]
    public sealed record Query : IRequest<Command>;

    [RequiresSignIn]
    public sealed class Command : ICommand<Unit>, IProfileFields
    {
        public int OrganisationId { get; set; }
        public string? NameTh { get; set; }
        public string? NameEn { get; set; }
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
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(MarketplaceDbContext db)
        {
            this.AddProfileRules(db);
            RuleFor(x => x.DescriptionTh).MaximumLength(4000)
                .WithMessage(_ => Bi.T("คำอธิบายยาวเกิน 4,000 ตัวอักษร", "The description must be 4,000 characters or fewer"));
            RuleFor(x => x.DescriptionEn).MaximumLength(4000)
                .WithMessage(_ => Bi.T("คำอธิบายยาวเกิน 4,000 ตัวอักษร", "The description must be 4,000 characters or fewer"));
        }
    }

    public sealed class QueryHandler(MarketplaceDbContext db, ICurrentUser user) : IRequestHandler<Query, Command>
    {
        public async Task<Command> Handle(Query request, CancellationToken cancellationToken)
        {
            var organisationId = await db.OrganisationIdOf(user, cancellationToken)
                ?? throw new NotFoundException(Bi.T("บัญชีนี้ยังไม่ได้สังกัดองค์กร", "This account does not belong to an organisation"));
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
            }).SingleAsync(cancellationToken);
        }
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, AuditTrail audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken)
                ?? throw new NotFoundException(Bi.T("ไม่พบองค์กรนี้", "This organisation does not exist"));
            if (await db.OrganisationIdOf(user, cancellationToken) != organisation.Id)
                throw new ForbiddenException(Bi.T("แก้ไขได้เฉพาะโปรไฟล์ขององค์กรที่คุณสังกัด", "You can edit only your own organisation's profile"));

            organisation.UpdateProfile(new OrganisationProfile(request.NameTh!, request.NameEn!, request.ProvinceCode!, request.Website,
                request.ContactEmail!, request.ContactPhone, request.DescriptionTh, request.DescriptionEn));
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Organisation), () => organisation.Id, $"Edited the profile of '{organisation.NameEn}'");
            return Unit.Value;
        }
    }
}
