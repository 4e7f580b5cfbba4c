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
    public static IServiceCollection AddSeveralInstances(this IServiceCollection services, IConfiguration configuration, string indexFolder)
    {
        services.AddSingleton(SearchInstance.For(indexFolder, configuration["Marketplace:InstanceName"]));
        var retention = TimeSpan.FromDays(configuration.GetValue("Marketplace:ChangeLog:RetentionDays", 7.0));
        services.AddSingleton(sp => new ChangeLogRetention(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IClock>()) { Period = retention });

        // X-Forwarded-For/-Proto are believed only from the loopback proxy (ASP.NET Core's default) and the proxies and
        // networks listed here; from any other address they are ignored, so a client cannot choose its own address
        // (and with it its rate-limit budget) or claim HTTPS.
        var proxies = configuration.GetSection("Marketplace:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("Marketplace:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }
}
