using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>
/// /account/forgot-password. Whatever the address, the same thing happens on screen and one e-mail goes to it:
/// a reset link when an account uses it, otherwise a note that none does. Nobody learns from the page who has an account.
/// </summary>
public static class RequestPasswordReset
{
    public sealed class Command : ICommand<Unit>
    {
        public string? Email { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => Texts.Get("Features.Accounts.RequestPasswordReset.EnterYourEMailAddress"))
                .EmailAddress().WithMessage(_ => Texts.Get("Features.Accounts.RequestPasswordReset.EnterAnEMailAddressLike"))
                .MaximumLength(256).WithMessage(_ => Texts.Get("Features.Accounts.RequestPasswordReset.TheEMailAddressIsToo"));
    }

    public sealed class Handler(UserManager<AppUser> users, AccountMail mail) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var email = request.Email!.Trim();
            if (await users.FindByEmailAsync(email) is { ClosedAt: null } user)
                await mail.SendPasswordResetAsync(user);
            else
                mail.SendNoAccount(email, Bi.IsThai ? "th" : "en");
            return Unit.Value;
        }
    }
}
