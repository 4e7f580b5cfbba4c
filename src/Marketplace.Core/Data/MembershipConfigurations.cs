using Marketplace.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data;

internal sealed class MembershipRequestConfiguration : IEntityTypeConfiguration<MembershipRequest>
{
    public void Configure(EntityTypeBuilder<MembershipRequest> e)
    {
        e.HasIndex(r => new { r.OrganisationId, r.State });
        // A person waits for one organisation at a time: the database refuses a second pending request, even in a race.
        e.HasIndex(r => r.UserId).IsUnique().HasFilter("\"State\" = 'Pending'");
        e.Property(r => r.RefusalReason).HasMaxLength(1000);
        e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipInvitationConfiguration : IEntityTypeConfiguration<MembershipInvitation>
{
    public void Configure(EntityTypeBuilder<MembershipInvitation> e)
    {
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.HasIndex(i => new { i.OrganisationId, i.ExpiresAt });
        e.Property(i => i.Email).HasMaxLength(256);
        e.Property(i => i.TokenHash).HasMaxLength(64);
        e.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationChangeRequestConfiguration : IEntityTypeConfiguration<OrganisationChangeRequest>
{
    public void Configure(EntityTypeBuilder<OrganisationChangeRequest> e)
    {
        e.HasIndex(c => new { c.State, c.RequestedAt });
        e.HasIndex(c => c.OrganisationId);
        e.Property(c => c.NameTh).HasMaxLength(200);
        e.Property(c => c.NameEn).HasMaxLength(200);
        e.Property(c => c.JuristicNumber).HasMaxLength(13);
        e.Property(c => c.Website).HasMaxLength(300);
        e.Property(c => c.RefusalReason).HasMaxLength(1000);
        e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryTextConfiguration : IEntityTypeConfiguration<CategoryText>
{
    public void Configure(EntityTypeBuilder<CategoryText> e)
    {
        e.HasKey(c => c.Number);
        e.Property(c => c.Number).ValueGeneratedNever();
        e.Property(c => c.NameTh).HasMaxLength(200);
        e.Property(c => c.NameEn).HasMaxLength(200);
        e.Property(c => c.DescriptionTh).HasMaxLength(1000);
        e.Property(c => c.DescriptionEn).HasMaxLength(1000);
    }
}
