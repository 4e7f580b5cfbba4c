using System.Net;
using Marketplace.Core.Common;
using Marketplace.Core.Features.Search;
using Microsoft.AspNetCore.HttpOverrides;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Settings for running several web instances behind a reverse proxy (README, "Running on PostgreSQL and several
/// instances"): the instance's name on the admin page, how long the change log is kept, and which proxies' forwarded
/// headers are believed.
/// </summary>
public static class SeveralInstances
{
    public static IServiceCollection AddSeveralInstances(this IServiceCollection services, string indexFolder)
    {
        // Read when first needed, not at registration, so every configuration source (including a test's) is seen.
        services.AddSingleton(sp => SearchInstance.For(indexFolder, sp.GetRequiredService<IConfiguration>()["Marketplace:InstanceName"]));
        services.AddSingleton(sp => new ChangeLogRetention(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IClock>())
        {
            Period = TimeSpan.FromDays(sp.GetRequiredService<IConfiguration>().GetValue("Marketplace:ChangeLog:RetentionDays", 7.0)),
        });

        // X-Forwarded-For/-Proto are believed only from the loopback proxy (ASP.NET Core's default) and the proxies and
        // networks listed here; from any other address they are ignored, so a client cannot choose its own address
        // (and with it its rate-limit budget) or claim HTTPS.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            foreach (var proxy in configuration.GetSection("Marketplace:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in configuration.GetSection("Marketplace:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }
}
