using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Data.Seeding;
using Marketplace.Core.Features.Accounts;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Core;

public static class CoreServices
{
    /// <summary>
    /// The database, the mediator and its pipeline. MediatR 5.1.0 has no DI extension that restores here,
    /// so handlers are found by scanning this assembly. Behaviours run in registration order, first outermost:
    /// logging → validation → authorization → transaction + audit → handler.
    /// </summary>
    public static IServiceCollection AddMarketplaceCore(this IServiceCollection services, string connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        // Pooled: a page no longer builds a context and its services per request. Safe because the context holds no
        // per-request state of its own (only its options; the current user and clock are separate scoped services), and
        // the pool resets tracking, transactions and change-tracker settings between leases.
        services.AddDbContextPool<MarketplaceDbContext>(o => o.UseMarketplaceDatabase(provider, connectionString));
        services.AddSingleton<IClock, SystemClock>();
        services.AddScoped<AuditTrail>();
        services.TryAddSingleton<Features.Search.PublicChanges>();
        services.TryAddSingleton<Features.Catalogue.ReferenceData>();
        services.TryAddSingleton<Features.Transparency.AwardChoices>();
        services.TryAddSingleton<Features.Transparency.AwardRegister.Answers>();
        services.TryAddSingleton<Features.Challenges.BrowseChallenges.PublicCards>();
        services.AddHostedService<PlannerStatisticsRefresh>();
        services.AddScoped<SeedLoader>();
        services.AddScoped<Features.Messaging.Notifier>();
        services.AddScoped<Features.Messaging.OutboxRenderer>();
        services.AddMarketplaceAccounts();
        Localisation.FieldLabels.UseForValidationMessages();

        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        var openTypes = new[] { typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>) };
        foreach (var type in typeof(CoreServices).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && openTypes.Contains(i.GetGenericTypeDefinition())))
                if (contract.GetGenericTypeDefinition() != typeof(IValidator<>) || IsRequest(contract.GetGenericArguments()[0]))
                    services.AddScoped(contract, type);
        return services;
    }

    /// <summary>The Lucene index in <paramref name="indexFolder"/>, kept in step with the database by the updater.</summary>
    public static IServiceCollection AddMarketplaceSearch(this IServiceCollection services, string indexFolder)
    {
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Features.Search.SearchIndexHost>(sp, indexFolder));
        services.AddScoped<Features.Matching.VendorMatcher>();
        services.TryAddSingleton(new Features.Matching.MatchingSettings());
        services.AddHostedService<Features.Search.IndexUpdater>();
        services.TryAddSingleton(Features.Search.SearchInstance.For(indexFolder));
        services.TryAddSingleton<Features.Search.ChangeLogRetention>();
        services.AddSingleton<Features.Search.IndexRebuildRequests>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Search.IndexRebuildRequests>());
        services.AddSingleton<Features.Search.SearchDictionarySync>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Search.SearchDictionarySync>());
        return services;
    }

    /// <summary>Validators of parts of a request (a form inside a command) are composed by hand, not resolved by the pipeline.</summary>
    private static bool IsRequest(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>));

    /// <summary>Password policy and lockout, shared by the site and the test fixtures.</summary>
    public static void IdentityPolicy(IdentityOptions options)
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 5;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
    }

    public static IdentityBuilder AddMarketplaceStores(this IdentityBuilder identity) => identity
        .AddRoles<IdentityRole>()
        .AddEntityFrameworkStores<MarketplaceDbContext>()
        .AddErrorDescriber<BilingualIdentityErrors>();
}
