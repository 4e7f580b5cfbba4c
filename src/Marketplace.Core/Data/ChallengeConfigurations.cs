using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data;

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> e)
    {
        e.HasIndex(c => c.Slug).IsUnique();
        e.HasIndex(c => new { c.State, c.ProposalsDeadline });
        e.HasIndex(c => c.AgencyId);
        e.Property(c => c.Slug).HasMaxLength(80);
        e.Property(c => c.Content).AsJson();
        e.Property(c => c.Reason).HasMaxLength(2000);
        e.Property(c => c.ProvinceCodes).HasMaxLength(800);
        e.HasIndex(c => new { c.State, c.AwardedAt });
        // The OCDS feed reads tenders by publication date and cancellations by cancellation date, (date, id) order,
        // a batch at a time (OcdsChallengeReleases); awards use (State, AwardedAt) above.
        e.HasIndex(c => new { c.PublishedAt, c.State });
        e.HasIndex(c => new { c.State, c.CancelledAt });
        e.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.PostedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Panel).WithOne().HasForeignKey(x => x.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(c => c.Panel).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Ignore(c => c.IsPublic);
        e.Ignore(c => c.CanBeDeleted);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> e)
    {
        e.HasIndex(p => new { p.ChallengeId, p.VendorId }).IsUnique();
        e.Property(p => p.Terms).AsJson();
        e.Property(p => p.Feedback).HasMaxLength(4000);
        e.HasOne<Challenge>().WithMany().HasForeignKey(p => p.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(p => p.Vendor).WithMany().HasForeignKey(p => p.VendorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProposalScoreConfiguration : IEntityTypeConfiguration<ProposalScore>
{
    public void Configure(EntityTypeBuilder<ProposalScore> e)
    {
        e.HasIndex(s => new { s.ProposalId, s.EvaluatorUserId }).IsUnique();
        e.Property(s => s.Scores).AsJson();
        e.Property(s => s.Comment).HasMaxLength(ProposalScore.MaxCommentLength);
        e.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluatorConfiguration : IEntityTypeConfiguration<Evaluator>
{
    public void Configure(EntityTypeBuilder<Evaluator> e)
    {
        e.ToTable("Evaluators");
        e.HasIndex(x => new { x.ChallengeId, x.UserId }).IsUnique();
        e.Property(x => x.ConflictNote).HasMaxLength(Evaluator.MaxNoteLength);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.MayEvaluate);
    }
}

internal sealed class ChallengeQuestionConfiguration : IEntityTypeConfiguration<ChallengeQuestion>
{
    public void Configure(EntityTypeBuilder<ChallengeQuestion> e)
    {
        e.HasIndex(q => q.ChallengeId);
        e.Property(q => q.Text).HasMaxLength(2000);
        e.Property(q => q.Answer).HasMaxLength(4000);
        e.HasOne<Challenge>().WithMany().HasForeignKey(q => q.ChallengeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.HasIndex(i => new { i.ChallengeId, i.VendorId }).IsUnique();
        e.HasOne<Challenge>().WithMany().HasForeignKey(i => i.ChallengeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavedAlertConfiguration : IEntityTypeConfiguration<SavedAlert>
{
    public void Configure(EntityTypeBuilder<SavedAlert> e)
    {
        e.HasIndex(a => a.VendorId);
        e.Property(a => a.Categories).AsJson();
        e.Property(a => a.Provinces).AsJson();
        e.Property(a => a.Keywords).HasMaxLength(300);
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Domain.Documents.Document>
{
    public void Configure(EntityTypeBuilder<Domain.Documents.Document> e)
    {
        e.HasIndex(d => d.ChallengeId);
        e.HasIndex(d => d.ProposalId);
        e.HasIndex(d => d.QuestionId);
        e.Property(d => d.FileName).HasMaxLength(Domain.Documents.Document.MaxFileNameLength);
        e.Property(d => d.Format).HasMaxLength(8);
        e.Property(d => d.ContentType).HasMaxLength(100);
        e.Property(d => d.Sha256).HasMaxLength(64);
        e.HasOne<Challenge>().WithMany().HasForeignKey(d => d.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Proposal>().WithMany().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ChallengeQuestion>().WithMany().HasForeignKey(d => d.QuestionId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(d => d.IsProposalDocument);
    }
}
