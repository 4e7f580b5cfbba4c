using Marketplace.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Data;

/// <summary>Identity's messages in the person's language, saying what to do.</summary>
public sealed class BilingualIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new()
    { Code = nameof(DuplicateEmail), Description = Texts.Get("Data.BilingualIdentityErrors.AnAccountWithAlreadyExistsSign", email) };

    public override IdentityError DuplicateUserName(string userName) => new()
    { Code = nameof(DuplicateUserName), Description = Texts.Get("Data.BilingualIdentityErrors.AnAccountWithAlreadyExistsSign", userName) };

    public override IdentityError InvalidEmail(string? email) => new()
    { Code = nameof(InvalidEmail), Description = Texts.Get("Data.BilingualIdentityErrors.EnterAnEMailAddressLike") };

    public override IdentityError PasswordTooShort(int length) => new()
    { Code = nameof(PasswordTooShort), Description = Texts.Get("Data.BilingualIdentityErrors.ThePasswordMustBeAtLeast", length) };

    public override IdentityError PasswordRequiresDigit() => new()
    { Code = nameof(PasswordRequiresDigit), Description = Texts.Get("Data.BilingualIdentityErrors.ThePasswordMustContainAtLeast") };

    public override IdentityError PasswordRequiresLower() => new()
    { Code = nameof(PasswordRequiresLower), Description = Texts.Get("Data.BilingualIdentityErrors.ThePasswordMustContainALower") };

    public override IdentityError PasswordRequiresUpper() => new()
    { Code = nameof(PasswordRequiresUpper), Description = Texts.Get("Data.BilingualIdentityErrors.ThePasswordMustContainAnUpper") };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new()
    { Code = nameof(PasswordRequiresNonAlphanumeric), Description = Texts.Get("Data.BilingualIdentityErrors.ThePasswordMustContainASymbol") };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new()
    { Code = nameof(PasswordRequiresUniqueChars), Description = Texts.Get("Data.BilingualIdentityErrors.ThePasswordMustUseAtLeast", uniqueChars) };
}
