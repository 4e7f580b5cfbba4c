using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Data.Seeding;

/// <summary>
/// Loads seed-data/. Reference data (roles, provinces) is ensured on every start; sample data
/// (organisations, users, demo accounts) only into an empty database, so running it twice changes nothing.
/// Seeding writes entities directly rather than through the mediator: it is a bulk import, not a person's action.
/// </summary>
public sealed class SeedLoader(MarketplaceDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    IClock clock, ILogger<SeedLoader> logger)
{
    public async Task EnsureReferenceDataAsync(string folder, CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        if (!await db.Provinces.AnyAsync(ct))
        {
            var provinces = await SeedFiles.ReadAsync<List<SeedProvince>>(folder, "provinces.json", ct);
            db.Provinces.AddRange(provinces.Select(p => new Province { Code = p.Code, NameTh = p.Th, NameEn = p.En }));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <returns>False when the database already held organisations and nothing was loaded.</returns>
    public async Task<bool> LoadSampleDataAsync(string folder, CancellationToken ct = default)
    {
        if (await db.Organisations.AnyAsync(ct))
            return false;

        // All or nothing: a reference that does not resolve rolls every sample row back.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organisations = await LoadOrganisationsAsync(folder, ct);
        await LoadUsersAsync(folder, organisations, ct);
        await LoadListingsAsync(folder, organisations, ct);
        await new ChallengeSeeder(db, clock.Now).LoadAsync(folder, organisations, ct);
        await new OrderSeeder(db, clock.Now).LoadAsync(organisations, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Loaded sample data from {Folder}: {Organisations} organisations", folder, organisations.Count);
        return true;
    }

    private async Task<Dictionary<string, Organisation>> LoadOrganisationsAsync(string folder, CancellationToken ct)
    {
        var rows = await SeedFiles.ReadAsync<List<SeedOrganisation>>(folder, "organisations.json", ct);
        var byKey = new Dictionary<string, Organisation>();
        var created = clock.Now.AddDays(-90);
        foreach (var row in rows)
        {
            var organisation = new Organisation(row.Kind, row.Key, new OrganisationProfile(row.NameTh, row.NameEn, row.Province,
                row.Website, row.ContactEmail, row.ContactPhone, row.DescriptionTh, row.DescriptionEn), row.JuristicNumber, created);
            if (row.Verification == VerificationState.Verified)
                organisation.Verify(created.AddDays(1));
            else if (row.Verification == VerificationState.Rejected)
                organisation.Reject(row.RejectionReasonTh ?? row.RejectionReasonEn ?? "ข้อมูลไม่ครบถ้วน", created.AddDays(1));
            created = created.AddHours(7);
            byKey.Add(row.Key, organisation);
        }
        db.Organisations.AddRange(byKey.Values);
        await db.SaveChangesAsync(ct);
        return byKey;
    }

    private async Task LoadUsersAsync(string folder, Dictionary<string, Organisation> organisations, CancellationToken ct)
    {
        var file = await SeedFiles.ReadAsync<SeedUsers>(folder, "users.json", ct);
        foreach (var row in file.Users)
        {
            var user = new AppUser
            {
                UserName = row.Email,
                Email = row.Email,
                EmailConfirmed = true,
                DisplayName = row.DisplayName,
                Language = row.Language,
                OrganisationId = row.Organisation is null ? null : organisations[row.Organisation].Id,
                IsOrganisationAdmin = row.OrganisationAdmin && row.Organisation is not null,
            };
            // Only demo accounts get a known password; the other sample people cannot sign in.
            var result = row.Demo ? await users.CreateAsync(user, file.DemoPassword) : await users.CreateAsync(user);
            if (!result.Succeeded)
                throw new InvalidDataException($"Seed user {row.Email}: {string.Join(", ", result.Errors.Select(e => e.Description))}");
            await users.AddToRolesAsync(user, row.Roles);
        }
    }

    private async Task LoadListingsAsync(string folder, Dictionary<string, Organisation> organisations, CancellationToken ct)
    {
        var rows = await SeedFiles.ReadAsync<List<SeedSolution>>(folder, "solutions.json", ct);
        var at = clock.Now.AddDays(-60);
        foreach (var row in rows)
        {
            var vendor = organisations[row.Vendor];
            var listing = new Listing(vendor.Id, row.Slug, row.ToContent(), at);
            if (row.State is "Submitted" or "Published")
                listing.Submit(at.AddHours(2));
            if (row.State == "Published")
                listing.Approve(vendor, at.AddDays(1));
            db.Listings.Add(listing);
            at = at.AddHours(13);
        }
        await db.SaveChangesAsync(ct);
    }
}
