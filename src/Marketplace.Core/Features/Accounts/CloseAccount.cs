using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Accounts;

/// <summary>
/// PDPA right to erasure. The person's name, address, password, phone, two-factor keys, roles, membership,
/// notifications and e-mails are erased. The user row stays under a pseudonym, so audit rows, proposals,
/// scores and awards (which the law and open data need) keep an actor that no longer names anyone.
/// </summary>
public static class CloseAccount
{
    [RequiresSignIn]
    public sealed class Command : ICommand<Unit>
    {
        public string? Password { get; set; }
    }

    public sealed class Handler(MarketplaceDbContext db, UserManager<AppUser> users, ICurrentUser current, IClock clock, AuditTrail audit)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.LoadAsync(current);
            if (string.IsNullOrEmpty(request.Password) || !await users.CheckPasswordAsync(user, request.Password))
                throw InvalidRequestException.For(nameof(Command.Password), Texts.Get("Features.Accounts.CloseAccount.ThePasswordIsNotCorrect"));

            var email = user.Email!;
            var pseudonym = "closed-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
            foreach (var row in await db.AuditEvents.Where(a => a.UserId == user.Id || a.Summary.Contains(email) || a.UserName == email).ToListAsync(cancellationToken))
                row.Pseudonymise(user.Id, email, pseudonym);
            db.Notifications.RemoveRange(db.Notifications.Where(n => n.UserId == user.Id));
            db.OutboxEmails.RemoveRange(db.OutboxEmails.Where(m => m.To == email));
            db.UserTokens.RemoveRange(db.UserTokens.Where(t => t.UserId == user.Id));
            db.UserLogins.RemoveRange(db.UserLogins.Where(l => l.UserId == user.Id));
            db.UserClaims.RemoveRange(db.UserClaims.Where(c => c.UserId == user.Id));
            db.UserRoles.RemoveRange(db.UserRoles.Where(r => r.UserId == user.Id));

            user.UserName = user.Email = $"{pseudonym}@closed.invalid";
            user.DisplayName = pseudonym;
            user.EmailConfirmed = false;
            user.PhoneNumber = null;
            user.PasswordHash = null;
            user.TwoFactorEnabled = false;
            user.OrganisationId = null;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.ClosedAt = clock.Now;
            (await users.UpdateAsync(user)).ThrowIfFailed();
            // A new stamp ends every session of the account at its next request.
            await users.UpdateSecurityStampAsync(user);
            audit.UsePseudonym(pseudonym);
            audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.AccountClosed", TextArg.Plain(pseudonym)));
            return Unit.Value;
        }
    }
}
