using System.Net;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>
/// The site behind a configured reverse proxy (10.9.8.7) with a search budget of two requests per client. The test
/// server has no network peer, so a test header stands for the connection's address, set before the site's pipeline.
/// </summary>
public sealed class BehindProxyFactory() : ConfiguredFactory(new Dictionary<string, string?>
{
    ["Marketplace:ForwardedHeaders:KnownProxies:0"] = "10.9.8.7",
    ["Marketplace:ForwardedHeaders:KnownNetworks:0"] = "172.16.0.0/12",
    ["Marketplace:RateLimits:search:Permits"] = "2",
})
{
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].FirstOrDefault() ?? "127.0.0.1");
                return following(context);
            });
            next(app);
        };
    }
}

public sealed class ForwardedHeadersTests(BehindProxyFactory factory) : IClassFixture<BehindProxyFactory>
{
    private async Task<HttpResponseMessage> SendAsync(string url, string peer, string? forwardedFor = null, string? forwardedProto = null)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(BehindProxyFactory.PeerHeader, peer);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null)
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return await client.SendAsync(request);
    }

    private static bool HasSecureCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("10.9.8.7", 10)]
    [InlineData("172.20.1.2", 20)]
    public async Task Https_and_the_client_address_forwarded_by_a_configured_proxy_are_honoured(string proxy, int clients)
    {
        // The scheme: cookies are marked Secure only on HTTPS.
        using (var page = await SendAsync("/account/login", proxy, "198.51.100.1", "https"))
            Assert.True(HasSecureCookie(page));

        // The address: each forwarded client has its own search budget of two, so three clients make six searches.
        var statuses = new List<HttpStatusCode>();
        foreach (var client in Enumerable.Range(clients, 3).Select(n => $"198.51.100.{n}"))
            for (var i = 0; i < 2; i++)
            {
                using var response = await SendAsync($"/api/solutions?q=proxy{proxy}{i}", proxy, client);
                statuses.Add(response.StatusCode);
            }
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        const string stranger = "203.0.113.50";
        using (var page = await SendAsync("/account/login", stranger, "198.51.100.1", "https"))
            Assert.False(HasSecureCookie(page));

        // Claiming a new address on each request does not buy a new budget: the third search is refused.
        var statuses = new List<HttpStatusCode>();
        foreach (var claimed in new[] { "198.51.100.51", "198.51.100.52", "198.51.100.53" })
        {
            using var response = await SendAsync($"/api/solutions?q=stranger{claimed}", stranger, claimed);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
