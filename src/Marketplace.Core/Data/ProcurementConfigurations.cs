using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Procurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> e)
    {
        e.Property(o => o.Package).AsJson();
        e.Property(o => o.Parties).AsJson();
        e.HasIndex(o => o.AgencyId);
        e.HasIndex(o => o.VendorId);
        e.HasIndex(o => new { o.ListingId, o.State });
        e.HasIndex(o => o.CheckoutSessionId);
        // The OCDS feed reads paid orders in (date, id) order, a batch at a time (OcdsContracts.Kind).
        e.HasIndex(o => o.RecordChangedAt);
        e.Property(o => o.Reason).HasMaxLength(2000);
        e.Property(o => o.CheckoutSessionId).HasMaxLength(255);
        e.Property(o => o.CheckoutUrl).HasMaxLength(2000);
        e.Property(o => o.PurchaseOrderNumber).HasMaxLength(64);
        e.Property(o => o.VendorInvoiceNumber).HasMaxLength(64);
        e.Property(o => o.PaymentReference).HasMaxLength(128);
        e.Ignore(o => o.Number);
        e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.VendorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Listing>().WithMany().HasForeignKey(o => o.ListingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> e)
    {
        // The guarantee behind "exactly one payment per order", whatever order and concurrency events arrive in.
        e.HasIndex(p => p.OrderId).IsUnique();
        e.Property(p => p.Provider).HasMaxLength(32);
        e.Property(p => p.Reference).HasMaxLength(255);
        e.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcessedPaymentEventConfiguration : IEntityTypeConfiguration<ProcessedPaymentEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedPaymentEvent> e)
    {
        e.HasKey(x => x.EventId);
        e.Property(x => x.EventId).HasMaxLength(255);
        e.Property(x => x.Type).HasMaxLength(100);
    }
}

internal sealed class PurchaseOrderDocumentConfiguration : IEntityTypeConfiguration<PurchaseOrderDocument>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderDocument> e)
    {
        e.HasKey(d => d.OrderId);
        e.Property(d => d.FileName).HasMaxLength(255);
        e.HasOne<Order>().WithOne().HasForeignKey<PurchaseOrderDocument>(d => d.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaxInvoiceConfiguration : IEntityTypeConfiguration<TaxInvoice>
{
    public void Configure(EntityTypeBuilder<TaxInvoice> e)
    {
        e.HasIndex(t => t.OrderId).IsUnique();
        e.HasIndex(t => new { t.Sequence, t.Number }).IsUnique();
        e.Property(t => t.Sequence).HasMaxLength(64);
        e.Ignore(t => t.DisplayNumber);
        e.HasOne<Order>().WithMany().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentSequenceConfiguration : IEntityTypeConfiguration<DocumentSequence>
{
    public void Configure(EntityTypeBuilder<DocumentSequence> e)
    {
        e.HasKey(s => s.Key);
        e.Property(s => s.Key).HasMaxLength(64);
    }
}

internal sealed class VendorInvoicingConfiguration : IEntityTypeConfiguration<VendorInvoicing>
{
    public void Configure(EntityTypeBuilder<VendorInvoicing> e)
    {
        e.HasKey(v => v.OrganisationId);
        e.Property(v => v.Address).HasMaxLength(500);
        e.Property(v => v.Branch).HasMaxLength(64);
        e.HasOne<Organisation>().WithOne().HasForeignKey<VendorInvoicing>(v => v.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
