using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Procurement;
using Marketplace.Core.Domain.Search;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

public sealed class MarketplaceDbContext(DbContextOptions<MarketplaceDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>Data-protection keys, shared by every web instance (cookies, antiforgery tokens, TempData).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<ListingLogo> ListingLogos => Set<ListingLogo>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();
    public DbSet<IndexRebuildRequest> IndexRebuildRequests => Set<IndexRebuildRequest>();
    public DbSet<IndexRebuildStatus> IndexRebuildStatuses => Set<IndexRebuildStatus>();
    public DbSet<SearchDictionaryEntry> SearchDictionaryEntries => Set<SearchDictionaryEntry>();
    public DbSet<Challenge> Challenges => Set<Challenge>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalScore> ProposalScores => Set<ProposalScore>();
    public DbSet<Evaluator> Evaluators => Set<Evaluator>();
    public DbSet<Domain.Documents.Document> Documents => Set<Domain.Documents.Document>();
    public DbSet<ChallengeQuestion> ChallengeQuestions => Set<ChallengeQuestion>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SavedAlert> SavedAlerts => Set<SavedAlert>();
    public DbSet<MembershipRequest> MembershipRequests => Set<MembershipRequest>();
    public DbSet<MembershipInvitation> MembershipInvitations => Set<MembershipInvitation>();
    public DbSet<OrganisationChangeRequest> OrganisationChangeRequests => Set<OrganisationChangeRequest>();
    public DbSet<CategoryText> CategoryTexts => Set<CategoryText>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<ProcessedPaymentEvent> ProcessedPaymentEvents => Set<ProcessedPaymentEvent>();
    public DbSet<PurchaseOrderDocument> PurchaseOrderDocuments => Set<PurchaseOrderDocument>();
    public DbSet<TaxInvoice> TaxInvoices => Set<TaxInvoice>();
    public DbSet<DocumentSequence> DocumentSequences => Set<DocumentSequence>();
    public DbSet<VendorInvoicing> VendorInvoicing => Set<VendorInvoicing>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracking.AddSearchChanges(this);
        ConcurrencyTokens.Stamp(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracking.AddSearchChanges(this);
        ConcurrencyTokens.Stamp(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MarketplaceDbContext).Assembly);
        if (Database.IsNpgsql())
            PostgresModel.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks so sorting by time works on every provider.
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
        conventions.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
