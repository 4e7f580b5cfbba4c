using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Tests.Support;

namespace Marketplace.Core.Tests.Challenges;

public sealed class DeadlineJobAuditTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    [Fact]
    public async Task The_deadline_job_writes_an_audit_row_only_when_it_closes_something()
    {
        app.AsAnonymous();
        await app.SendAsync(new CloseDueChallenges.Command());
        var before = (await app.AuditRowsAsync()).Count(a => a.Action == "CloseDueChallenges");

        for (var minute = 0; minute < 3; minute++)
            await app.SendAsync(new CloseDueChallenges.Command());

        Assert.Equal(before, (await app.AuditRowsAsync()).Count(a => a.Action == "CloseDueChallenges"));
    }
}
