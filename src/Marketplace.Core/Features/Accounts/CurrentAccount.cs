using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>Loads the signed-in person for the account use cases, and turns Identity's refusals into field messages.</summary>
internal static class CurrentAccount
{
    public static async Task<AppUser> LoadAsync(this UserManager<AppUser> users, ICurrentUser current) =>
        await users.FindByIdAsync(current.UserId!) is { ClosedAt: null } user
            ? user
            : throw new ForbiddenException(Texts.Get("Features.Accounts.CurrentAccount.ThisAccountIsClosed"));

    public static void ThrowIfFailed(this IdentityResult result, string passwordField = "Password")
    {
        if (!result.Succeeded)
            throw new InvalidRequestException(result.Errors.Select(e => new FieldError(
                e.Code.StartsWith("Password", StringComparison.Ordinal) && e.Code != "PasswordMismatch" ? passwordField
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "Email"
                : "", e.Description)).ToList());
    }

    public static InvalidRequestException LinkExpired() => InvalidRequestException.For("", Texts.Get("Features.Accounts.CurrentAccount.ThisLinkHasExpiredOrWas"));
}
