using System.Security.Claims;
using Marketplace.Core;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Documents;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Procurement;
using Marketplace.Core.Features.Search;
using Marketplace.Testing;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Tests.Support;

/// <summary>
/// Sends real requests through the real mediator and pipeline into a real SQLite file, migrated and
/// loaded with the repository's seed data. Only the ports (clock, current user) are test doubles.
/// One fixture (one database) per test class; tests create their own rows so they do not depend on order.
/// </summary>
public class SliceFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "marketplace-core-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;
    private TestDatabase _database = null!;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    public TestUser User { get; } = new();

    /// <summary>The real clamd that .ci/clamav/start runs; a test class may point it at a closed port.</summary>
    public ClamAvSettings Scanner { get; set; } = new();

    public IServiceProvider Services => _services;

    /// <summary>False for a site with reference data only (no organisations' sample challenges, listings or orders).</summary>
    protected virtual bool LoadsSampleData => true;

    /// <summary>The index folder. No hosted updater runs here: tests call <see cref="SearchIndexHost.CatchUpAsync"/> themselves.</summary>
    public string IndexFolder => Path.Combine(_folder, "search-index");

    public SearchIndexHost Search => _services.GetRequiredService<SearchIndexHost>();

    public static string SeedFolder => Path.Combine(RepositoryRoot, "seed-data");

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above the test folder");
        }
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        _database = TestDatabase.Create(_folder);
        services.AddMarketplaceCore(_database.ConnectionString, _database.Provider);
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<ICurrentUser>(User);
        services.AddDataProtection();
        services.AddIdentityCore<AppUser>(CoreServices.IdentityPolicy).AddMarketplaceStores().AddDefaultTokenProviders();
        services.AddMarketplaceSearch(IndexFolder);
        services.AddDocumentScanning(Scanner);
        services.AddProcurement();
        _services = services.BuildServiceProvider();
        await DatabaseInitialiser.InitialiseAsync(_services, SeedFolder, LoadsSampleData);
        await Search.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DropAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> QueryDbAsync<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    /// <summary>The outbox e-mails to an address, oldest first, rendered as the dispatcher would send them now.</summary>
    public async Task<List<Features.Messaging.RenderedEmail>> MailsToAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var renderer = scope.ServiceProvider.GetRequiredService<Features.Messaging.OutboxRenderer>();
        var rendered = new List<Features.Messaging.RenderedEmail>();
        foreach (var mail in await db.OutboxEmails.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync())
            rendered.Add(await renderer.RenderAsync(mail, CancellationToken.None));
        return rendered;
    }

    /// <summary>A person's in-app notifications, oldest first, as they read them in <paramref name="culture"/>.</summary>
    public async Task<List<string>> NotificationsAsync(string userId, System.Globalization.CultureInfo culture)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var links = scope.ServiceProvider.GetRequiredService<Features.Accounts.ISiteLinks>();
        return (await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync())
            .Select(n => Features.Messaging.NoticeText.Subject(n.Notice, culture, links)).ToList();
    }

    public async Task InsertAsync(params object[] entities)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    /// <summary>Makes the next requests come from this seeded or created user (by e-mail), with its stored roles.</summary>
    public async Task AsUserAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        User.Set(user.Id, user.Email!, await users.GetRolesAsync(user));
    }

    public void AsAnonymous() => User.Set(null, null, []);

    /// <summary>Confirms a registered person's address the way the e-mailed link does (with an Identity token).</summary>
    public async Task ConfirmEmailAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        var result = await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not confirm {email}");
    }

    public Task<List<AuditEvent>> AuditRowsAsync() =>
        QueryDbAsync(db => db.AuditEvents.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
}

public sealed class TestClock(DateTimeOffset now) : IClock
{
    public DateTimeOffset Now { get; private set; } = now;

    public void Advance(TimeSpan by) => Now += by;
}

public sealed class TestUser : ICurrentUser
{
    private IReadOnlyList<string> _roles = [];

    public string? UserId { get; private set; }
    public string? UserName { get; private set; }

    public bool IsInRole(string role) => _roles.Contains(role);

    public void Set(string? id, string? name, IEnumerable<string> roles)
    {
        UserId = id;
        UserName = name;
        _roles = roles.ToList();
    }
}
