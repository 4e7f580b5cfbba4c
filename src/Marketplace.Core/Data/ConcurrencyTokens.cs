using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Procurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data;

/// <summary>
/// Optimistic concurrency for the aggregates two people can change at once (listing, organisation, challenge,
/// proposal, order): each row carries a <c>Version</c> (a shadow property, so the domain does not see it) that every
/// update checks and increments. A request that loaded version 4 and saves after another saved version 5 fails with
/// <see cref="DbUpdateConcurrencyException"/> instead of overwriting it; the site shows the current version
/// (ConcurrencyConflicts in the web project). A plain counter rather than PostgreSQL's xmin, so both databases have the
/// same model.
/// </summary>
public static class ConcurrencyTokens
{
    public const string Version = "Version";

    private static readonly HashSet<Type> Aggregates = [typeof(Listing), typeof(Organisation), typeof(Challenge), typeof(Proposal), typeof(Order)];

    internal static void Configure<T>(EntityTypeBuilder<T> entity) where T : class =>
        entity.Property<long>(Version).IsConcurrencyToken();

    /// <summary>Called before every save: a changed aggregate row moves to the next version.</summary>
    internal static void Stamp(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified || !Aggregates.Contains(entry.Metadata.ClrType))
                continue;
            var version = entry.Property(Version);
            version.CurrentValue = (long)version.OriginalValue! + 1;
        }
    }
}

internal sealed class ListingVersion : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> e) => ConcurrencyTokens.Configure(e);
}

internal sealed class OrganisationVersion : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e) => ConcurrencyTokens.Configure(e);
}

internal sealed class ChallengeVersion : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> e) => ConcurrencyTokens.Configure(e);
}

internal sealed class ProposalVersion : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> e) => ConcurrencyTokens.Configure(e);
}

internal sealed class OrderVersion : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> e) => ConcurrencyTokens.Configure(e);
}
