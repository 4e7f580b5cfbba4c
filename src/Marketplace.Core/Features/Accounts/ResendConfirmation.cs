using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>Sends the signed-in, not yet confirmed person a fresh confirmation link.</summary>
public static class ResendConfirmation
{
    [RequiresSignIn]
    public sealed record Command : ICommand<Unit>;

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser current, AccountMail mail, AuditTrail audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.LoadAsync(current);
            if (!user.EmailConfirmed)
            {
                await mail.SendConfirmationAsync(user);
                audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.ConfirmationAsked"));
            }
            return Unit.Value;
        }
    }
}
