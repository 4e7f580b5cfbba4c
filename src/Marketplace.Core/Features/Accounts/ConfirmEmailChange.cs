using Marketplace.Core.Behaviours;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>The link sent to a new address: switches the account to it (confirmed), and tells the old address.</summary>
public static class ConfirmEmailChange
{
    public sealed record Command(string? UserId, string? Email, string? Code) : ICommand<bool>;

    public sealed class Handler(UserManager<AppUser> users, AccountMail mail, AuditTrail audit) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(request.UserId) || string.IsNullOrEmpty(request.Email) || string.IsNullOrEmpty(request.Code)
                || await users.FindByIdAsync(request.UserId) is not { ClosedAt: null } user)
                return false;
            var oldEmail = user.Email!;
            // ChangeEmailAsync checks the token against this exact address and renews the security stamp,
            // so the link works once and sessions elsewhere end.
            if (!(await users.ChangeEmailAsync(user, request.Email, request.Code)).Succeeded
                || !(await users.SetUserNameAsync(user, request.Email)).Succeeded)
                return false;
            mail.SendSecurityNotice(user, oldEmail, TextArg.Of("Mail.SecurityNotice.EmailChanged", TextArg.Plain(request.Email)));
            audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.EmailChanged"));
            return true;
        }
    }
}
