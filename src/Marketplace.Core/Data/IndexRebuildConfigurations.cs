using Marketplace.Core.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data;

internal sealed class IndexRebuildRequestConfiguration : IEntityTypeConfiguration<IndexRebuildRequest>
{
    public void Configure(EntityTypeBuilder<IndexRebuildRequest> e)
    {
        e.Property(r => r.RequestedById).HasMaxLength(450);
        e.Property(r => r.RequestedBy).HasMaxLength(256);
    }
}

internal sealed class IndexRebuildStatusConfiguration : IEntityTypeConfiguration<IndexRebuildStatus>
{
    public void Configure(EntityTypeBuilder<IndexRebuildStatus> e)
    {
        e.HasKey(s => s.Instance);
        e.Property(s => s.Instance).HasMaxLength(IndexRebuildStatus.MaxInstanceLength);
        e.Property(s => s.Error).HasMaxLength(1000);
        e.Ignore(s => s.Unfinished);
    }
}

/// <summary>The change log is pruned by age (ChangeLogRetention), so its time is indexed.</summary>
internal sealed class ChangeLogRetentionConfiguration : IEntityTypeConfiguration<ChangeLogEntry>
{
    public void Configure(EntityTypeBuilder<ChangeLogEntry> e) => e.HasIndex(c => c.At);
}
