using System.Net;
using Marketplace.Web.Tests.Support;

namespace Marketplace.Web.Tests.Http;

/// <summary>The built-in rate limiter: its own site per class, since a burst spends the budget of every test client.</summary>
public sealed class RateLimitTests(SmallSearchBudgetFactory factory) : IClassFixture<SmallSearchBudgetFactory>
{
    [Fact]
    public async Task A_burst_of_40_sign_ins_from_one_client_meets_429_with_a_bilingual_page()
    {
        using var attacker = Visitor.For(factory);
        var statuses = new List<HttpStatusCode>();
        string? refusal = null;
        for (var i = 0; i < 40; i++)
        {
            using var response = await attacker.PostFormAsync("/account/login", new Dictionary<string, string>
            { ["Input.Email"] = $"guess{i}@webtest.example", ["Input.Password"] = "guess-password-1" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter is not null);
                refusal ??= await response.Content.ReadAsStringAsync();
            }
        }

        // The budget is 20 a minute: the first 20 are answered, then 429s (a slow machine may open a new window later on).
        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 10, string.Join(",", statuses));
        Assert.Contains("คำขอมากเกินไป", refusal);
        var (_, english) = await attacker.GetAsync("/status/429?culture=en-US");
        Assert.Contains("Too many requests", english);
        // Reading pages is not sign-in: the form still shows.
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/account/login")).Status);
    }

    [Fact]
    public async Task The_search_api_answers_problem_json_429_past_its_configured_budget()
    {
        using var client = factory.CreateClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 7; i++)
            responses.Add(await client.GetAsync($"/api/solutions?q=data{i}"));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":429", await refused.Content.ReadAsStringAsync());
        responses.ForEach(r => r.Dispose());
    }
}
