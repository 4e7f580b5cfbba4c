using Marketplace.Core.Common;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Features.Organisations;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Challenges;

public sealed class ChallengeAccessTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private const string OtherBuyer = "officer@other-agency.example";

    private async Task EnsureOtherAgencyBuyerAsync()
    {
        if (await app.QueryDbAsync(db => db.Users.AnyAsync(u => u.Email == OtherBuyer)))
            return;
        app.AsAnonymous();
        await app.SendAsync(new RegisterAccount.Command
        {
            AccountType = AccountType.Agency,
            DisplayName = "เจ้าหน้าที่หน่วยงานอื่น",
            Email = OtherBuyer,
            Password = "correct-horse-9",
            AcceptPrivacy = true,
            NameTh = "สำนักงานอื่น",
            NameEn = "Other Office",
            ProvinceCode = "TH-10",
            ContactEmail = OtherBuyer,
        });
        // Confirmed, so the refusals below come from the agency boundary, not from a missing confirmation.
        await app.ConfirmEmailAsync(OtherBuyer);
    }

    /// <summary>A seeded challenge in evaluation, owned by some agency, with scored proposals.</summary>
    private Task<Challenge> EvaluatingAsync() =>
        app.QueryDbAsync(db => db.Challenges.AsNoTracking().FirstAsync(c => c.State == ChallengeState.Evaluating));

    [Fact]
    public async Task A_vendor_never_reads_the_evaluation_room_and_the_attempt_is_audited()
    {
        var challenge = await EvaluatingAsync();
        await app.AsUserAsync(DemoAccounts.Vendor);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new Evaluation.Query(challenge.Id)));
        Assert.Contains(await app.AuditRowsAsync(), a => a.Refused && a.Action == "Evaluation.Query" && a.UserName == DemoAccounts.Vendor);
    }

    [Fact]
    public async Task Agency_B_never_sees_agency_As_proposals_or_scores()
    {
        await EnsureOtherAgencyBuyerAsync();
        var challenge = await EvaluatingAsync();
        await app.AsUserAsync(OtherBuyer);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new Evaluation.Query(challenge.Id)));
        var proposal = await app.QueryDbAsync(db => db.Proposals.FirstAsync(p => p.ChallengeId == challenge.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new Evaluation.Score(proposal.Id, [5, 5, 5])));
        Assert.Equal(2, (await app.AuditRowsAsync()).Count(a => a.Refused && a.UserName == OtherBuyer));
    }

    [Fact]
    public async Task The_owning_agency_sees_no_proposal_before_the_deadline()
    {
        var open = await app.QueryDbAsync(db => db.Challenges.AsNoTracking().Include(c => c.Agency)
            .FirstAsync(c => c.State == ChallengeState.Published && c.Agency!.Slug == "dga"));
        await app.AsUserAsync(DemoAccounts.Buyer);

        var sealedRoom = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new Evaluation.Query(open.Id)));
        Assert.False(sealedRoom.HideExistence);
    }

    [Fact]
    public async Task A_vendor_sees_only_its_own_proposal()
    {
        var challenge = await app.QueryDbAsync(db => db.Challenges.AsNoTracking().FirstAsync(c =>
            db.Proposals.Count(p => p.ChallengeId == c.Id) >= 2 && c.State == ChallengeState.Published));
        await app.AsUserAsync(DemoAccounts.VendorEnglish);
        var mine = await app.SendAsync(new Proposals.Mine(challenge.Id));
        var myVendor = await app.QueryDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.VendorEnglish).Select(u => u.OrganisationId).SingleAsync());
        var own = await app.QueryDbAsync(db => db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.ChallengeId == challenge.Id && p.VendorId == myVendor));

        Assert.Equal(own?.Terms.Approach, mine.Current?.Approach);
    }

    [Fact]
    public async Task The_public_page_never_names_who_asked()
    {
        var challenge = await app.QueryDbAsync(db => db.Challenges.AsNoTracking().FirstAsync(c => db.ChallengeQuestions.Any(q => q.ChallengeId == c.Id && q.Answer != null)));
        app.AsAnonymous();
        var page = await app.SendAsync(new ChallengeDetails.Query(challenge.Slug));

        Assert.NotEmpty(page.Questions);
        var properties = typeof(ChallengeDetails.PublicQuestion).GetProperties().Select(p => p.Name);
        Assert.Equal(["Id", "Text", "Answer", "AskedAt", "Attachments"], properties);
        // An answer's attachment names no uploader either.
        var attachment = typeof(TenderDocuments.Summary).GetProperties().Select(p => p.Name);
        Assert.Equal(["Id", "Kind", "FileName", "Format", "SizeBytes", "UploadedAt"], attachment);
    }

    [Fact]
    public async Task An_ineligible_vendor_is_told_why_before_writing_and_cannot_submit()
    {
        var certified = await app.QueryDbAsync(db => db.Challenges.AsNoTracking().ToListAsync());
        var open = certified.First(c => c.State == ChallengeState.Published && c.ProposalsDeadline > app.Clock.Now);
        await app.AsUserAsync(DemoAccounts.PendingVendor);
        using var _ = new EnglishCulture();

        var mine = await app.SendAsync(new Proposals.Mine(open.Id));
        Assert.Contains(mine.Problems, p => p.Contains("verified"));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new Proposals.Send
        { ChallengeId = open.Id, ListingId = 1, Approach = "x", PriceBaht = "1000", TimelineDays = 10 }));
        Assert.Contains(await app.AuditRowsAsync(), a => a.Refused && a.Action == "Proposals.Send" && a.UserName == DemoAccounts.PendingVendor);
    }
}
