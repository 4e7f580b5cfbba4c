using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>
/// The link from the reset e-mail. Setting the new password also lifts a lockout (the way back for a person
/// who locked themselves out) and confirms the address, since only its reader could open the link.
/// </summary>
public static class ResetPassword
{
    public sealed class Command : ICommand<Unit>
    {
        public string? Email { get; set; }
        public string? Code { get; set; }
        public string? Password { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => Texts.Get("Features.Accounts.ResetPassword.ChooseANewPassword"));
    }

    public sealed class Handler(UserManager<AppUser> users, AccountMail mail, AuditTrail audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(request.Email) || string.IsNullOrEmpty(request.Code)
                || await users.FindByEmailAsync(request.Email) is not { ClosedAt: null } user)
                throw CurrentAccount.LinkExpired();
            var result = await users.ResetPasswordAsync(user, request.Code, request.Password!);
            if (result.Errors.Any(e => e.Code == "InvalidToken"))
                throw CurrentAccount.LinkExpired();
            result.ThrowIfFailed();
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
            }
            mail.SendSecurityNotice(user, user.Email!, TextArg.Of("Mail.SecurityNotice.PasswordReset"));
            audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.PasswordReset"));
            return Unit.Value;
        }
    }
}
