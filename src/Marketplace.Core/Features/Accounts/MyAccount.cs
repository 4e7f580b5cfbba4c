using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>What the account page shows about the signed-in person.</summary>
public static class MyAccount
{
    [RequiresSignIn]
    public sealed record Query : IRequest<View>;

    public sealed record View(string DisplayName, string Email, string Language, bool EmailConfirmed, bool TwoFactorEnabled,
        int RecoveryCodesLeft, string? ConsentVersion, DateTimeOffset? ConsentedAt, IReadOnlyList<string> Roles);

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser current) : IRequestHandler<Query, View>
    {
        public async Task<View> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = await users.LoadAsync(current);
            return new View(user.DisplayName, user.Email!, user.Language, user.EmailConfirmed, user.TwoFactorEnabled,
                await users.CountRecoveryCodesAsync(user), user.PrivacyConsentVersion, user.PrivacyConsentedAt,
                [.. await users.GetRolesAsync(user)]);
        }
    }
}
