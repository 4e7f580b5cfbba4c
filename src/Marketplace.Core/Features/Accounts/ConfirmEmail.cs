using Marketplace.Core.Behaviours;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>The link in the confirmation e-mail: proves the person reads the address. Works signed in or not.</summary>
public static class ConfirmEmail
{
    public sealed record Command(string? UserId, string? Code) : ICommand<bool>;

    public sealed class Handler(UserManager<AppUser> users, AuditTrail audit) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(request.UserId) || string.IsNullOrEmpty(request.Code)
                || await users.FindByIdAsync(request.UserId) is not { ClosedAt: null } user)
                return false;
            if (user.EmailConfirmed)
                return true;
            if (!(await users.ConfirmEmailAsync(user, request.Code)).Succeeded)
                return false;
            audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.EmailConfirmed"));
            return true;
        }
    }
}
