using System.Text;
using Marketplace.Core.Tests.Support;

namespace Marketplace.Core.Tests.Transparency;

/// <summary>A site with reference data only: no public challenge and no paid order.</summary>
public sealed class EmptyRegisterFixture : SliceFixture
{
    protected override bool LoadsSampleData => false;
}

public sealed class OcdsEmptyRegisterTests(EmptyRegisterFixture app) : IClassFixture<EmptyRegisterFixture>
{
    [Fact]
    public async Task An_empty_register_is_a_package_dated_now_with_no_releases()
    {
        var (package, releases) = await OcdsPackages.ReadAsync(app);
        var json = Encoding.UTF8.GetString(await OcdsPackages.JsonAsync(app));

        Assert.Empty(releases);
        Assert.Equal(app.Clock.Now, package.PublishedDate);
        Assert.EndsWith("\"releases\":[]}", json, StringComparison.Ordinal);
    }
}
