using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>Needs the current password; renews the security stamp, so other signed-in sessions end.</summary>
public static class ChangePassword
{
    [RequiresSignIn]
    public sealed class Command : ICommand<Unit>
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(_ => Texts.Get("Features.Accounts.ChangePassword.EnterYourCurrentPassword"));
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage(_ => Texts.Get("Features.Accounts.ChangePassword.ChooseANewPassword"));
        }
    }

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser current, AccountMail mail, AuditTrail audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.LoadAsync(current);
            var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
            if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
                throw InvalidRequestException.For(nameof(Command.CurrentPassword), Texts.Get("Features.Accounts.ChangePassword.TheCurrentPasswordIsNotCorrect"));
            result.ThrowIfFailed(nameof(Command.NewPassword));
            mail.SendSecurityNotice(user, user.Email!, TextArg.Of("Mail.SecurityNotice.PasswordChanged"));
            audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.PasswordChanged"));
            return Unit.Value;
        }
    }
}
