using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>
/// A new address takes effect only once its link is opened (see <see cref="ConfirmEmailChange"/>); until then the old one stays.
/// A person who never confirmed may simply correct a mistyped address, which then needs confirming.
/// The answer is the same whether or not another account already uses the new address.
/// </summary>
public static class ChangeEmail
{
    [RequiresSignIn]
    public sealed class Command : ICommand<Unit>
    {
        public string? NewEmail { get; set; }
        public string? Password { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.NewEmail).NotEmpty().WithMessage(_ => Texts.Get("Features.Accounts.ChangeEmail.EnterTheNewEMailAddress"))
                .EmailAddress().WithMessage(_ => Texts.Get("Features.Accounts.ChangeEmail.EnterAnEMailAddressLike"))
                .MaximumLength(256).WithMessage(_ => Texts.Get("Features.Accounts.ChangeEmail.TheEMailAddressIsToo"));
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => Texts.Get("Features.Accounts.ChangeEmail.EnterYourCurrentPasswordToShow"));
        }
    }

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser current, AccountMail mail, AuditTrail audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.LoadAsync(current);
            if (!await users.CheckPasswordAsync(user, request.Password!))
                throw InvalidRequestException.For(nameof(Command.Password), Texts.Get("Features.Accounts.ChangeEmail.ThePasswordIsNotCorrect"));
            var newEmail = request.NewEmail!.Trim();
            if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
                throw InvalidRequestException.For(nameof(Command.NewEmail), Texts.Get("Features.Accounts.ChangeEmail.ThisIsAlreadyYourAddress"));

            if (await users.FindByEmailAsync(newEmail) is { } owner)
                mail.SendAlreadyRegistered(owner);
            else if (!user.EmailConfirmed)
            {
                (await users.SetEmailAsync(user, newEmail)).ThrowIfFailed();
                (await users.SetUserNameAsync(user, newEmail)).ThrowIfFailed();
                await mail.SendConfirmationAsync(user);
            }
            else
                await mail.SendEmailChangeAsync(user, newEmail);
            audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.EmailChangeAsked"));
            return Unit.Value;
        }
    }
}
