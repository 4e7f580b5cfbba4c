using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Organisations;

public enum AccountType { Startup, Agency }

/// <summary>
/// A startup's staff member registers and creates a pending vendor organisation; an agency's staff member
/// joins an existing agency (only with an e-mail address at the agency's own domain) or creates a pending one.
/// </summary>
public static class RegisterAccount
{
    public sealed class Command : ICommand<Result>, IProfileFields
    {
        public AccountType AccountType { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string Language { get; set; } = "th";
        public int? JoinAgencyId { get; set; }
        public string? NameTh { get; set; }
        public string? NameEn { get; set; }
        public string? JuristicNumber { get; set; }
        public string? ProvinceCode { get; set; }
        public string? Website { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactPhone { get; set; }

        /// <summary>The person ticked that they read the privacy notice (PDPA consent; its version and time are stored).</summary>
        public bool AcceptPrivacy { get; set; }

        public bool CreatesOrganisation => AccountType == AccountType.Startup || JoinAgencyId is null;
    }

    /// <param name="UserId">Null when the address already had an account: that owner got an e-mail, and the page answers as for a new one.</param>
    public sealed record Result(string? UserId, int? OrganisationId, bool JoinedExisting);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(MarketplaceDbContext db)
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage(_ => Bi.T("กรอกชื่อ-นามสกุลของคุณ", "Enter your full name"))
                .MaximumLength(200).WithMessage(_ => Bi.T("ชื่อยาวเกิน 200 ตัวอักษร", "The name must be 200 characters or fewer"));
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => Bi.T("กรอกอีเมลของคุณ", "Enter your e-mail address"))
                .EmailAddress().WithMessage(_ => Bi.T("กรอกอีเมลในรูปแบบ name@example.com", "Enter an e-mail address like name@example.com"));
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => Bi.T("ตั้งรหัสผ่าน", "Choose a password"));
            RuleFor(x => x.Language).Must(l => l is "th" or "en");
            RuleFor(x => x.AcceptPrivacy).Equal(true).WithMessage(_ => Bi.T("อ่านและยอมรับประกาศความเป็นส่วนตัวก่อนลงทะเบียน",
                "Read and accept the privacy notice to register"));
            When(x => x.CreatesOrganisation, () => this.AddProfileRules(db));
            When(x => x.AccountType == AccountType.Startup, () =>
                RuleFor(x => x.JuristicNumber).Custom((number, context) =>
                {
                    if (Domain.JuristicNumber.Problem(number) is { } problem)
                        context.AddFailure(nameof(Command.JuristicNumber), problem);
                }));
            When(x => x.AccountType == AccountType.Agency && x.JoinAgencyId is not null, () =>
                RuleFor(x => x.JoinAgencyId).MustAsync(async (command, id, ct) =>
                    {
                        var website = await db.Organisations.Where(o => o.Id == id && o.Kind == OrganisationKind.Agency)
                            .Select(o => o.Website).SingleOrDefaultAsync(ct);
                        return website is not null && EmailDomainMatches(command.Email, website);
                    })
                    .WithMessage(_ => Bi.T("เข้าร่วมหน่วยงานที่มีอยู่ได้เฉพาะอีเมลที่ใช้โดเมนของหน่วยงานนั้น หากไม่ใช่ ให้ลงทะเบียนหน่วยงานใหม่",
                        "You can join an existing agency only with an e-mail address at its own domain; otherwise register the agency as new")));
        }

        /// <summary>x@dga.or.th may join the agency whose website is https://www.dga.or.th (or a sub-domain of it).</summary>
        private static bool EmailDomainMatches(string? email, string website)
        {
            var domain = email?.Split('@').LastOrDefault()?.ToLowerInvariant();
            if (domain is null || !Uri.TryCreate(website, UriKind.Absolute, out var uri))
                return false;
            var host = uri.Host.ToLowerInvariant();
            host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
            return domain == host || domain.EndsWith("." + host, StringComparison.Ordinal);
        }
    }

    public sealed class Handler(MarketplaceDbContext db, UserManager<AppUser> users, IClock clock, AuditTrail audit, Accounts.AccountMail mail)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            // No user enumeration: an address that already has an account gets an e-mail, the page the same answer,
            // and the server the same password-hashing work as a real registration.
            if (await users.FindByEmailAsync(request.Email!.Trim()) is { } existing)
            {
                users.PasswordHasher.HashPassword(existing, request.Password!);
                mail.SendAlreadyRegistered(existing);
                return new Result(null, null, false);
            }

            var organisation = request.CreatesOrganisation
                ? await CreateOrganisation(request, cancellationToken)
                : await db.Organisations.SingleAsync(o => o.Id == request.JoinAgencyId, cancellationToken);

            var user = new AppUser
            {
                UserName = request.Email!.Trim(),
                Email = request.Email.Trim(),
                DisplayName = request.DisplayName!.Trim(),
                Language = request.Language,
                OrganisationId = organisation.Id,
                PrivacyConsentVersion = Accounts.PrivacyNotice.Version,
                PrivacyConsentedAt = clock.Now,
            };
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
                throw new InvalidRequestException(created.Errors.Select(ToFieldError).ToList());
            await users.AddToRoleAsync(user, request.AccountType == AccountType.Startup ? Roles.Vendor : Roles.Buyer);
            await mail.SendConfirmationAsync(user);

            audit.Record(nameof(AppUser), () => user.Id, $"Registered {user.Email} as {request.AccountType}");
            if (request.CreatesOrganisation)
                audit.Record(nameof(Organisation), () => organisation.Id, $"Created pending {organisation.Kind} '{organisation.NameEn}'");
            return new Result(user.Id, organisation.Id, !request.CreatesOrganisation);
        }

        private async Task<Organisation> CreateOrganisation(Command r, CancellationToken ct)
        {
            var juristic = r.AccountType == AccountType.Startup ? Domain.JuristicNumber.Normalise(r.JuristicNumber) : null;
            if (juristic is not null && await db.Organisations.AnyAsync(o => o.JuristicNumber == juristic, ct))
                throw InvalidRequestException.For(nameof(Command.JuristicNumber), Bi.T(
                    "เลขทะเบียนนิติบุคคลนี้ลงทะเบียนไว้แล้ว ให้ขอให้สมาชิกขององค์กรเพิ่มคุณ หรือติดต่อ NIA",
                    "This juristic person number is already registered: ask a member of that organisation, or contact NIA"));
            var slug = await Slug.UniqueAsync(Slug.From(r.NameEn, "organisation"), s => db.Organisations.AnyAsync(o => o.Slug == s, ct));
            var kind = r.AccountType == AccountType.Startup ? OrganisationKind.Vendor : OrganisationKind.Agency;
            var organisation = new Organisation(kind, slug, new OrganisationProfile(r.NameTh!, r.NameEn!, r.ProvinceCode!, r.Website,
                r.ContactEmail!, r.ContactPhone, null, null), juristic, clock.Now);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(ct);
            return organisation;
        }

        private static FieldError ToFieldError(IdentityError e) => new(
            e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Command.Password)
            : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(Command.Email)
            : "", e.Description);
    }
}
