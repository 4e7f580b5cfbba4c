using Marketplace.Core.Features.Search;
using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Transparency;

/// <summary>The register over the seeded awards (seed-data/challenges.json), which are built to show each red flag.</summary>
public sealed class AwardRegisterTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private async Task<AwardRegister.Award> AwardOfAsync(string slug) =>
        (await app.SendAsync(new AwardRegister.Query(Everything: true))).Items.Single(a => a.Slug == slug);

    private static IEnumerable<RedFlagKind> Kinds(AwardRegister.Award award) => award.RedFlags.Select(f => f.Kind);

    [Fact]
    public async Task The_register_lists_every_awarded_challenge_newest_first_and_nothing_else()
    {
        var register = await app.SendAsync(new AwardRegister.Query());

        Assert.Equal(4, register.Total);
        Assert.Equal(["nhso-elderly-home-care", "khonkaen-city-smart-bus", "pcd-pm25-sensors", "nhso-mobile-claims"],
            register.Items.Select(a => a.Slug));
    }

    [Fact]
    public async Task An_award_shows_its_agency_winner_value_date_competition_and_window()
    {
        var award = await AwardOfAsync("nhso-mobile-claims");
        var stored = await app.QueryDbAsync(db => db.Challenges.AsNoTracking().SingleAsync(c => c.Slug == "nhso-mobile-claims"));

        Assert.Equal("nhso", award.Agency.Slug);
        Assert.Equal("สำนักงานหลักประกันสุขภาพแห่งชาติ", award.Agency.NameTh);
        var winner = Assert.Single(award.Winners);
        Assert.Equal("siam-health-link", winner.Vendor.Slug);
        Assert.Equal(1_680_000_000, winner.ValueSatang);
        Assert.Equal(1_680_000_000, award.ValueSatang);
        Assert.Equal(stored.AwardedAt, award.AwardedAt);
        Assert.Equal(app.Clock.Now.AddDays(-130), award.AwardedAt);
        Assert.Equal(3, award.Proposals);
        Assert.Equal(45, award.WindowDays);
    }

    [Fact]
    public async Task A_challenge_that_drew_a_single_proposal_is_flagged_and_says_why()
    {
        var award = await AwardOfAsync("pcd-pm25-sensors");

        Assert.Equal(1, award.Proposals);
        var flag = Assert.Single(award.RedFlags);
        Assert.Equal(RedFlagKind.SingleProposal, flag.Kind);
        Assert.Equal("single_proposal", flag.Code);
        Assert.Contains("เพียงรายเดียว", flag.ExplanationTh);
        Assert.Contains("Only one proposal", flag.ExplanationEn);
    }

    [Fact]
    public async Task A_proposal_window_under_28_days_is_flagged_with_its_length_in_days()
    {
        var award = await AwardOfAsync("khonkaen-city-smart-bus");

        Assert.Equal(20, award.WindowDays);
        Assert.Equal(2, award.Proposals);
        var flag = Assert.Single(award.RedFlags);
        Assert.Equal(RedFlagKind.ShortWindow, flag.Kind);
        Assert.Contains("20 วัน", flag.ExplanationTh);
        Assert.Contains("only 20 days", flag.ExplanationEn);
    }

    [Fact]
    public async Task The_same_vendor_winning_twice_from_one_agency_is_flagged_on_both_awards_naming_the_vendor()
    {
        foreach (var slug in new[] { "nhso-mobile-claims", "nhso-elderly-home-care" })
        {
            var award = await AwardOfAsync(slug);
            var flag = Assert.Single(award.RedFlags);
            var winner = Assert.Single(award.Winners);
            Assert.Equal(RedFlagKind.RepeatWinner, flag.Kind);
            Assert.Equal(winner.Vendor.Id, flag.VendorId);
            Assert.Equal(2, winner.WinsFromAgency);
            Assert.Contains("Siam Health Link Co., Ltd. has won 2 awards from National Health Security Office", flag.ExplanationEn);
            Assert.Contains("บริษัท สยามเฮลท์ลิงก์ จำกัด", flag.ExplanationTh);
        }
    }

    [Fact]
    public async Task A_repeat_win_is_counted_over_the_whole_register_even_when_the_other_award_is_on_another_page()
    {
        var first = await app.SendAsync(new AwardRegister.Query(Page: 1, PageSize: 1));
        var last = await app.SendAsync(new AwardRegister.Query(Page: 4, PageSize: 1));

        Assert.Equal("nhso-elderly-home-care", Assert.Single(first.Items).Slug);
        Assert.Equal("nhso-mobile-claims", Assert.Single(last.Items).Slug);
        Assert.Contains(RedFlagKind.RepeatWinner, Kinds(first.Items[0]));
        Assert.Contains(RedFlagKind.RepeatWinner, Kinds(last.Items[0]));
    }

    [Fact]
    public async Task Paging_splits_the_register_and_clamps_an_oversized_page()
    {
        var second = await app.SendAsync(new AwardRegister.Query(Page: 2, PageSize: 3));
        var huge = await app.SendAsync(new AwardRegister.Query(PageSize: 10_000));

        Assert.Equal(4, second.Total);
        Assert.Equal("nhso-mobile-claims", Assert.Single(second.Items).Slug);
        Assert.Equal(AwardRegister.MaxPageSize, huge.PageSize);
    }

    [Fact]
    public async Task The_explanation_follows_the_reader_s_language()
    {
        var award = await AwardOfAsync("pcd-pm25-sensors");

        using (new EnglishCulture())
            Assert.StartsWith("Only one proposal", award.RedFlags[0].Explanation);
        using (new ThaiCulture())
            Assert.StartsWith("มีผู้ยื่นข้อเสนอเพียงรายเดียว", award.RedFlags[0].Explanation);
    }

    [Fact]
    public async Task A_register_page_takes_four_queries_and_its_filter_choices_none_until_the_records_change()
    {
        // Register pages are kept per records version, and other tests read this one: move the version so it is read here.
        app.Services.GetRequiredService<PublicChanges>().Raise(ChangedPages.PublicRecords);
        var choices = app.Services.GetRequiredService<AwardChoices>();
        await choices.GetAsync(CancellationToken.None);
        using var commands = await DatabaseCommands.ListenAsync(app);

        var cached = await choices.GetAsync(CancellationToken.None);
        var register = await app.SendAsync(new AwardRegister.Query());

        // The count, the total value, the page's challenges, and their proposals with each winner's wins from the agency.
        Assert.Equal(4, commands.Sql.Count);
        Assert.Equal(4, register.Items.Count);
        Assert.Equal(register.Items.Select(a => a.Agency.Slug).Distinct().Order(), cached.Agencies.Select(a => a.Slug).Order());
        Assert.Equal(register.Items.SelectMany(a => a.Winners).Select(w => w.Vendor.Slug).Distinct().Order(), cached.Vendors.Select(v => v.Slug).Order());
        Assert.Equal((register.Items.Min(a => a.AwardedAt), register.Items.Max(a => a.AwardedAt)), (cached.FirstAward, cached.LastAward));

        app.Services.GetRequiredService<PublicChanges>().Raise(ChangedPages.PublicRecords);
        var reloaded = await choices.GetAsync(CancellationToken.None);
        Assert.NotSame(cached, reloaded);
        Assert.Equal(4 + 3, commands.Sql.Count);
        Assert.Equal(cached with { Version = reloaded.Version }, reloaded with { Agencies = cached.Agencies, Vendors = cached.Vendors });
    }

    [Fact]
    public async Task A_register_page_read_again_takes_no_query_and_shows_a_renamed_winner_as_soon_as_the_records_move()
    {
        var first = await app.SendAsync(new AwardRegister.Query(PageSize: 2));
        using var commands = await DatabaseCommands.ListenAsync(app);

        var again = await app.SendAsync(new AwardRegister.Query(PageSize: 2));
        Assert.Empty(commands.Sql);
        Assert.Same(first, again);

        var winner = first.Items[0].Winners[0].Vendor;
        await RenameAsync(winner.Id, "ผู้ชนะที่เปลี่ยนชื่อแล้ว");
        try
        {
            // What the change feed does when it brings this change (a command committed here raises the version itself).
            app.Services.GetRequiredService<PublicChanges>().Raise(ChangedPages.PublicRecords);
            var renamed = await app.SendAsync(new AwardRegister.Query(PageSize: 2));
            Assert.Equal("ผู้ชนะที่เปลี่ยนชื่อแล้ว", renamed.Items[0].Winners[0].Vendor.NameTh);
            Assert.NotEmpty(commands.Sql);
        }
        finally
        {
            await RenameAsync(winner.Id, winner.NameTh);
            app.Services.GetRequiredService<PublicChanges>().Raise(ChangedPages.PublicRecords);
        }
    }

    private Task RenameAsync(int organisationId, string nameTh) =>
        app.QueryDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.NameTh, nameTh)));
}
