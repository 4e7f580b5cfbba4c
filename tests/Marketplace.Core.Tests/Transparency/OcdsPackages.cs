using System.Text.Json;
using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Features.Transparency.Ocds;
using Marketplace.Core.Tests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Transparency;

/// <summary>A package's releases are read while it is written, so a test reads them inside the scope that made it.</summary>
internal static class OcdsPackages
{
    public const string Site = "https://marketplace.example/";

    public static async Task<(OcdsPackage Package, List<OcdsRelease> Releases)> ReadAsync(SliceFixture app, OcdsReleasePackage.Query? query = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var package = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query ?? new OcdsReleasePackage.Query(Site));
        return (package, await package.Releases.ToListAsync());
    }

    /// <summary>The package as the endpoint writes it.</summary>
    public static async Task<byte[]> JsonAsync(SliceFixture app, OcdsReleasePackage.Query? query = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var package = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query ?? new OcdsReleasePackage.Query(Site));
        using var body = new MemoryStream();
        await JsonSerializer.SerializeAsync(body, package, OcdsJson.Options);
        return body.ToArray();
    }
}
