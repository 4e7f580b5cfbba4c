using System.Text;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Admin;

/// <summary>An admin locks or unlocks an account, sends a new confirmation e-mail, or grants and revokes the staff roles.</summary>
public static class ManageUser
{
    /// <summary>The roles an admin hands out here; Vendor and Buyer come only with membership of an organisation.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Moderator, Roles.Admin];

    [RequiresRole(Roles.Admin)]
    public sealed class Lock : ICommand<Unit>
    {
        public string UserId { get; set; } = "";
        public bool Locked { get; set; }
    }

    [RequiresRole(Roles.Admin)]
    public sealed class ResendConfirmation : ICommand<Unit>
    {
        public string UserId { get; set; } = "";

        /// <summary>The site's absolute address for the link, e.g. "https://marketplace.example".</summary>
        public string SiteUrl { get; set; } = "";
    }

    [RequiresRole(Roles.Admin)]
    public sealed class SetRole : ICommand<Unit>
    {
        public string UserId { get; set; } = "";
        public string Role { get; set; } = "";
        public bool Granted { get; set; }
    }

    public sealed class Handler(UserManager<AppUser> users, MarketplaceDbContext db, ICurrentUser admin, IClock clock, AuditTrail audit)
        : IRequestHandler<Lock, Unit>, IRequestHandler<ResendConfirmation, Unit>, IRequestHandler<SetRole, Unit>
    {
        public async Task<Unit> Handle(Lock request, CancellationToken cancellationToken)
        {
            var user = await FindAsync(request.UserId);
            if (user.Id == admin.UserId)
                throw new DomainRuleException(Texts.Get("Features.Admin.ManageUser.YouCannotLockYourOwnAccount"));
            await users.SetLockoutEnabledAsync(user, true);
            // Locked until unlocked by an admin; a new security stamp signs the person out everywhere.
            await users.SetLockoutEndDateAsync(user, request.Locked ? DateTimeOffset.MaxValue : null);
            if (request.Locked)
                await users.UpdateSecurityStampAsync(user);
            else
                await users.ResetAccessFailedCountAsync(user);
            audit.Record(nameof(AppUser), () => user.Id, request.Locked ? $"Locked {user.Email}" : $"Unlocked {user.Email}");
            return Unit.Value;
        }

        public async Task<Unit> Handle(ResendConfirmation request, CancellationToken cancellationToken)
        {
            var user = await FindAsync(request.UserId);
            if (user.EmailConfirmed || user.Email is null)
                throw new DomainRuleException(Texts.Get("Features.Admin.ManageUser.ThisAccountSEMailAddress"));
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
            var link = $"{request.SiteUrl.TrimEnd('/')}/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}";
            var thai = user.Language != "en";
            db.OutboxEmails.Add(new OutboxEmail(user.Email,
                thai ? "ยืนยันอีเมลของคุณ · ตลาดนวัตกรรมภาครัฐ" : "Confirm your e-mail address · GovTech Marketplace",
                (thai ? "เปิดลิงก์นี้เพื่อยืนยันอีเมลของคุณ:" : "Open this link to confirm your e-mail address:") + $"\n\n{link}", clock.Now));
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(AppUser), () => user.Id, $"Sent a new confirmation e-mail to {user.Email}");
            return Unit.Value;
        }

        public async Task<Unit> Handle(SetRole request, CancellationToken cancellationToken)
        {
            if (!StaffRoles.Contains(request.Role))
                throw InvalidRequestException.For(nameof(SetRole.Role), Texts.Get("Features.Admin.ManageUser.ChooseTheModeratorOrAdminRole"));
            var user = await FindAsync(request.UserId);
            var has = await users.IsInRoleAsync(user, request.Role);
            if (has == request.Granted)
                return Unit.Value;
            if (request.Granted)
                await users.AddToRoleAsync(user, request.Role);
            else
            {
                // Someone must always be able to manage the site.
                if (request.Role == Roles.Admin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
                    throw new DomainRuleException(Texts.Get("Features.Admin.ManageUser.TheSiteMustKeepAtLeast"));
                await users.RemoveFromRoleAsync(user, request.Role);
                await users.UpdateSecurityStampAsync(user);
            }
            audit.Record(nameof(AppUser), () => user.Id, request.Granted ? $"Granted {request.Role} to {user.Email}" : $"Revoked {request.Role} from {user.Email}");
            return Unit.Value;
        }

        private async Task<AppUser> FindAsync(string id) =>
            await users.FindByIdAsync(id) ?? throw new NotFoundException(Texts.Get("Features.Admin.ManageUser.ThisAccountDoesNotExist"));
    }
}
