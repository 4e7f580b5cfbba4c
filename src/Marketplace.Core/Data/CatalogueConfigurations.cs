using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> e)
    {
        e.HasIndex(l => l.Slug).IsUnique();
        e.HasIndex(l => new { l.Visibility, l.LiveSector });
        e.HasIndex(l => new { l.Review, l.SubmittedAt });
        e.HasIndex(l => l.VendorId);
        e.Property(l => l.Slug).HasMaxLength(80);
        e.Property(l => l.Draft).AsJson();
        e.Property(l => l.Live).AsJson();
        e.Property(l => l.RequestedChanges).AsJson();
        e.Property(l => l.ModeratorReason).HasMaxLength(2000);
        e.Property(l => l.LiveTitleTh).HasMaxLength(200);
        e.Property(l => l.LiveCategories).HasMaxLength(40);
        e.Property(l => l.LiveProvinces).HasMaxLength(800);
        e.HasOne(l => l.Vendor).WithMany().HasForeignKey(l => l.VendorId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(l => l.IsPublic);
        e.Ignore(l => l.HasPendingRevision);
    }
}

internal sealed class ListingLogoConfiguration : IEntityTypeConfiguration<ListingLogo>
{
    public void Configure(EntityTypeBuilder<ListingLogo> e)
    {
        e.HasKey(l => l.ListingId);
        e.Property(l => l.ContentType).HasMaxLength(20);
        e.Property(l => l.PendingContentType).HasMaxLength(20);
        e.Ignore(l => l.IsLive);
        e.HasOne<Listing>().WithOne().HasForeignKey<ListingLogo>(l => l.ListingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.HasIndex(n => new { n.UserId, n.CreatedAt });
        e.Property(n => n.TemplateKey).HasMaxLength(200);
        e.Ignore(n => n.Notice);
        e.Property(n => n.Link).HasMaxLength(300);
        e.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> e)
    {
        e.HasIndex(m => m.SentAt);
        e.Property(m => m.To).HasMaxLength(256);
        e.Property(m => m.TemplateKey).HasMaxLength(200);
        e.Property(m => m.FooterKey).HasMaxLength(200);
        e.Property(m => m.Language).HasMaxLength(8);
        e.Ignore(m => m.Notice);
    }
}

internal sealed class ChangeLogEntryConfiguration : IEntityTypeConfiguration<Domain.Search.ChangeLogEntry>
{
    public void Configure(EntityTypeBuilder<Domain.Search.ChangeLogEntry> e)
    {
        e.HasKey(c => c.Sequence);
        e.Property(c => c.EntityType).HasMaxLength(20);
    }
}
