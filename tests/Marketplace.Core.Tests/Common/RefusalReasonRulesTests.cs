using FluentValidation;
using Marketplace.Core.Features.Membership;
using Marketplace.Core.Features.Moderation;
using Marketplace.Core.Tests.Support;

namespace Marketplace.Core.Tests.Common;

/// <summary>
/// The one refusal-reason rule, as each decision that uses it applies it: a reason is required only when refusing, at
/// most 1,000 characters, and each use case keeps its own words.
/// </summary>
public sealed class RefusalReasonRulesTests
{
    private static string[] Messages<T>(IValidator<T> validator, T command) =>
        validator.Validate(command).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").ToArray();

    [Fact]
    public void A_membership_refusal_needs_a_reason_the_person_will_see()
    {
        using var _ = new EnglishCulture();
        var validator = new DecideMembershipRequest.Validator();

        Assert.Equal(["Reason: Give the reason for refusing: the person will see it"], Messages(validator, new DecideMembershipRequest.Command { Approve = false, Reason = " " }));
        Assert.Empty(Messages(validator, new DecideMembershipRequest.Command { Approve = true }));
        Assert.Equal(["Reason: The reason must be 1,000 characters or fewer"], Messages(validator, new DecideMembershipRequest.Command { Reason = new string('x', 1001) }));
        Assert.Empty(Messages(validator, new DecideMembershipRequest.Command { Reason = new string('x', 1000) }));
    }

    [Fact]
    public void An_organisation_change_refusal_needs_a_reason_the_organisation_will_see()
    {
        using var _ = new EnglishCulture();
        var validator = new OrganisationChanges.DecideValidator();

        Assert.Equal(["Reason: Give the reason for refusing: the organisation will see it"], Messages(validator, new OrganisationChanges.Decide { Approve = false }));
        Assert.Empty(Messages(validator, new OrganisationChanges.Decide { Approve = true }));
        Assert.Equal(["Reason: The reason must be 1,000 characters or fewer"], Messages(validator, new OrganisationChanges.Decide { Approve = true, Reason = new string('x', 1001) }));
    }

    [Fact]
    public void A_verification_rejection_needs_a_reason_and_the_messages_are_in_Thai_by_default()
    {
        var validator = new DecideOrganisation.Validator();

        Assert.Empty(Messages(validator, new DecideOrganisation.Command { Verify = true }));
        using var _ = new ThaiCulture();
        Assert.Equal(["Reason: เหตุผลยาวเกิน 1,000 ตัวอักษร"], Messages(validator, new DecideOrganisation.Command { Verify = false, Reason = new string('x', 1001) }));
        Assert.Equal(["Reason: ระบุเหตุผลที่ปฏิเสธ ผู้สมัครจะเห็นข้อความนี้"], Messages(validator, new DecideOrganisation.Command { Verify = false }));
    }
}
