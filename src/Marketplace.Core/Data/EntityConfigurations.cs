using Marketplace.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.HasIndex(o => o.Slug).IsUnique();
        e.HasIndex(o => o.JuristicNumber).IsUnique();
        e.HasIndex(o => new { o.Verification, o.CreatedAt });
        e.Property(o => o.Slug).HasMaxLength(80);
        e.Property(o => o.NameTh).HasMaxLength(200);
        e.Property(o => o.NameEn).HasMaxLength(200);
        e.Property(o => o.JuristicNumber).HasMaxLength(13);
        e.Property(o => o.ProvinceCode).HasMaxLength(8);
        e.Property(o => o.Website).HasMaxLength(300);
        e.Property(o => o.ContactEmail).HasMaxLength(256);
        e.Property(o => o.ContactPhone).HasMaxLength(40);
        e.Property(o => o.DescriptionTh).HasMaxLength(4000);
        e.Property(o => o.DescriptionEn).HasMaxLength(4000);
        e.Property(o => o.RejectionReason).HasMaxLength(1000);
        e.HasOne<Province>().WithMany().HasForeignKey(o => o.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(200);
        e.Property(u => u.Language).HasMaxLength(2);
        e.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.HasIndex(a => a.At);
        e.HasIndex(a => new { a.EntityType, a.EntityId });
        e.Property(a => a.Action).HasMaxLength(100);
        e.Property(a => a.EntityType).HasMaxLength(60);
        e.Property(a => a.EntityId).HasMaxLength(60);
        e.Property(a => a.UserName).HasMaxLength(256);
        e.Property(a => a.Summary).HasMaxLength(1000);
    }
}

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> e)
    {
        e.HasKey(p => p.Code);
        e.Property(p => p.Code).HasMaxLength(8);
        e.Property(p => p.NameTh).HasMaxLength(100);
        e.Property(p => p.NameEn).HasMaxLength(100);
    }
}
