using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>
/// Two-factor sign-in with an authenticator app (Identity's TOTP) and one-time recovery codes.
/// Enabling, disabling and new codes each renew the security stamp, so the session cookie is re-issued.
/// </summary>
public static class TwoFactor
{
    public const string Issuer = "GovTech Marketplace";
    public const int RecoveryCodeCount = 10;

    [RequiresSignIn]
    public sealed record Setup : IRequest<SetupView>;

    /// <param name="AuthenticatorUri">The otpauth:// URI an authenticator app reads from the QR code.</param>
    public sealed record SetupView(bool Enabled, string SharedKey, string AuthenticatorUri, int RecoveryCodesLeft);

    /// <summary>Reads the key, creating one on first visit: a key does nothing until a code from it enables two-factor.</summary>
    public sealed class SetupHandler(UserManager<AppUser> users, ICurrentUser current) : IRequestHandler<Setup, SetupView>
    {
        public async Task<SetupView> Handle(Setup request, CancellationToken cancellationToken)
        {
            var user = await users.LoadAsync(current);
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // Stored directly rather than through ResetAuthenticatorKeyAsync, which would renew the security stamp
                // and so sign the person out merely for opening this page.
                key = users.GenerateNewAuthenticatorKey();
                await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
            }
            var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
            return new SetupView(user.TwoFactorEnabled, key, uri, await users.CountRecoveryCodesAsync(user));
        }
    }

    [RequiresSignIn]
    public sealed class Enable : ICommand<IReadOnlyList<string>>
    {
        public string? Code { get; set; }
    }

    public sealed class EnableValidator : AbstractValidator<Enable>
    {
        public EnableValidator() =>
            RuleFor(x => x.Code).NotEmpty().WithMessage(_ => Texts.Get("Features.Accounts.TwoFactor.EnterTheDigitCodeFromYour"));
    }

    public sealed class EnableHandler(UserManager<AppUser> users, ICurrentUser current, AccountMail mail, AuditTrail audit)
        : IRequestHandler<Enable, IReadOnlyList<string>>
    {
        public async Task<IReadOnlyList<string>> Handle(Enable request, CancellationToken cancellationToken)
        {
            var user = await users.LoadAsync(current);
            var code = new string(request.Code!.Where(char.IsDigit).ToArray());
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
                throw InvalidRequestException.For(nameof(Enable.Code), Texts.Get("Features.Accounts.TwoFactor.TheCodeIsNotCorrectCheck"));
            (await users.SetTwoFactorEnabledAsync(user, true)).ThrowIfFailed();
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
            mail.SendSecurityNotice(user, user.Email!, TextArg.Of("Mail.SecurityNotice.TwoFactorOn"));
            audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.TwoFactorOn"));
            return codes;
        }
    }

    [RequiresSignIn]
    public sealed class Disable : ICommand<Unit>
    {
        public string? Password { get; set; }
    }

    public sealed class DisableHandler(UserManager<AppUser> users, ICurrentUser current, AccountMail mail, AuditTrail audit) : IRequestHandler<Disable, Unit>
    {
        public async Task<Unit> Handle(Disable request, CancellationToken cancellationToken)
        {
            var user = await users.LoadAsync(current);
            if (string.IsNullOrEmpty(request.Password) || !await users.CheckPasswordAsync(user, request.Password))
                throw InvalidRequestException.For(nameof(Disable.Password), Texts.Get("Features.Accounts.TwoFactor.ThePasswordIsNotCorrect"));
            (await users.SetTwoFactorEnabledAsync(user, false)).ThrowIfFailed();
            await users.ResetAuthenticatorKeyAsync(user);
            mail.SendSecurityNotice(user, user.Email!, TextArg.Of("Mail.SecurityNotice.TwoFactorOff"));
            audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.TwoFactorOff"));
            return Unit.Value;
        }
    }

    /// <summary>Replaces every recovery code: the old ones stop working.</summary>
    [RequiresSignIn]
    public sealed record NewRecoveryCodes : ICommand<IReadOnlyList<string>>;

    public sealed class NewRecoveryCodesHandler(UserManager<AppUser> users, ICurrentUser current, AuditTrail audit)
        : IRequestHandler<NewRecoveryCodes, IReadOnlyList<string>>
    {
        public async Task<IReadOnlyList<string>> Handle(NewRecoveryCodes request, CancellationToken cancellationToken)
        {
            var user = await users.LoadAsync(current);
            if (!user.TwoFactorEnabled)
                throw new DomainRuleException(Texts.Get("Features.Accounts.TwoFactor.TurnOnTwoFactorSignIn"));
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
            audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.RecoveryCodes"));
            return codes;
        }
    }
}
