using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Membership;
using Marketplace.Core.Features.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Organisations;

public enum AccountType { Startup, Agency }

/// <summary>
/// A person registers and either creates a pending organisation (becoming its first admin) or asks to join
/// an existing one. Asking grants nothing: an organisation admin or NIA approves, whatever the e-mail domain.
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
        public int? JoinOrganisationId { get; set; }
        public string? NameTh { get; set; }
        public string? NameEn { get; set; }
        public string? JuristicNumber { get; set; }
        public string? ProvinceCode { get; set; }
        public string? Website { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactPhone { get; set; }

        /// <summary>The person ticked that they read the privacy notice (PDPA consent; its version and time are stored).</summary>
        public bool AcceptPrivacy { get; set; }

        public bool CreatesOrganisation => JoinOrganisationId is null;

        public OrganisationKind Kind => AccountType == AccountType.Startup ? OrganisationKind.Vendor : OrganisationKind.Agency;
    }

    /// <param name="UserId">Null when the address already had an account: that owner got an e-mail, and the page answers as for a new one.</param>
    /// <param name="OrganisationId">The organisation created; null when the person asked to join one.</param>
    public sealed record Result(string? UserId, int? OrganisationId, int? MembershipRequestId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(MarketplaceDbContext db)
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage(_ => Texts.Get("Features.Organisations.RegisterAccount.EnterYourFullName"))
                .MaximumLength(200).WithMessage(_ => Texts.Get("Features.Organisations.RegisterAccount.TheNameMustBeCharactersOr"));
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => Texts.Get("Features.Organisations.RegisterAccount.EnterYourEMailAddress"))
                .EmailAddress().WithMessage(_ => Texts.Get("Features.Organisations.RegisterAccount.EnterAnEMailAddressLike"));
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => Texts.Get("Features.Organisations.RegisterAccount.ChooseAPassword"));
            RuleFor(x => x.Language).Must(l => l is "th" or "en");
            RuleFor(x => x.AcceptPrivacy).Equal(true).WithMessage(_ => Texts.Get("Features.Organisations.RegisterAccount.ReadAndAcceptThePrivacyNotice"));
            When(x => x.CreatesOrganisation, () => this.AddProfileRules(db));
            When(x => x.AccountType == AccountType.Startup && x.CreatesOrganisation, () =>
                RuleFor(x => x.JuristicNumber).Custom((number, context) =>
                {
                    if (Domain.JuristicNumber.Problem(number) is { } problem)
                        context.AddFailure(nameof(Command.JuristicNumber), problem);
                }));
            When(x => !x.CreatesOrganisation, () =>
                RuleFor(x => x.JoinOrganisationId).MustAsync((command, id, ct) => db.Organisations.AnyAsync(o =>
                        o.Id == id && o.Kind == command.Kind && o.Verification == VerificationState.Verified, ct))
                    .WithMessage(_ => Texts.Get("Features.Organisations.RegisterAccount.ChooseAnOrganisationFromTheList")));
        }
    }

    public sealed class Handler(MarketplaceDbContext db, UserManager<AppUser> users, IClock clock, AuditTrail audit, Notifier notifier,
        Accounts.AccountMail mail)
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
                return new Result(null, null, null);
            }

            var organisation = request.CreatesOrganisation ? await CreateOrganisation(request, cancellationToken) : null;

            var user = new AppUser
            {
                UserName = request.Email!.Trim(),
                Email = request.Email.Trim(),
                DisplayName = request.DisplayName!.Trim(),
                Language = request.Language,
                // The first member of a new organisation is its admin; a joiner has no organisation until approved.
                OrganisationId = organisation?.Id,
                IsOrganisationAdmin = organisation is not null,
                PrivacyConsentVersion = Accounts.PrivacyNotice.Version,
                PrivacyConsentedAt = clock.Now,
            };
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
                throw new InvalidRequestException(created.Errors.Select(ToFieldError).ToList());
            await users.AddToRoleAsync(user, MembershipRules.RoleFor(request.Kind));
            await mail.SendConfirmationAsync(user);
            audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.Registered", TextArg.Plain(user.Email), TextArg.Of("Audit.Value.AccountType." + request.AccountType)));

            if (organisation is not null)
            {
                audit.Record(nameof(Organisation), () => organisation.Id, TextArg.Of("Audit.Summary.OrganisationCreated", TextArg.Of("Audit.Value.OrganisationKind." + organisation.Kind), TextArg.Bilingual(organisation.NameTh, organisation.NameEn)));
                return new Result(user.Id, organisation.Id, null);
            }
            var joined = await db.Organisations.SingleAsync(o => o.Id == request.JoinOrganisationId, cancellationToken);
            var asked = await RequestMembership.Handler.Create(db, user.Id, joined, clock.Now, cancellationToken);
            audit.Record(nameof(MembershipRequest), () => asked.Id, TextArg.Of("Audit.Summary.MembershipRequested", TextArg.Bilingual(joined.NameTh, joined.NameEn)));
            await notifier.NotifyUsersAsync(db.Users.Where(u => u.OrganisationId == joined.Id && u.IsOrganisationAdmin),
                RequestMembership.Handler.NewRequestMessage(joined), "/organisations/members", cancellationToken);
            return new Result(user.Id, null, asked.Id);
        }

        private async Task<Organisation> CreateOrganisation(Command r, CancellationToken ct)
        {
            var juristic = r.AccountType == AccountType.Startup ? Domain.JuristicNumber.Normalise(r.JuristicNumber) : null;
            if (juristic is not null && await db.Organisations.AnyAsync(o => o.JuristicNumber == juristic, ct))
                throw InvalidRequestException.For(nameof(Command.JuristicNumber), Texts.Get("Features.Organisations.RegisterAccount.ThisJuristicPersonNumberIsAlready"));
            var slug = await Slug.UniqueAsync(Slug.From(r.NameEn, "organisation"), s => db.Organisations.AnyAsync(o => o.Slug == s, ct));
            var organisation = new Organisation(r.Kind, slug, new OrganisationProfile(r.NameTh!, r.NameEn!, r.ProvinceCode!, r.Website,
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
