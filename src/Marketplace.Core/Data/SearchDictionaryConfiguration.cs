using Marketplace.Core.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data;

internal sealed class SearchDictionaryEntryConfiguration : IEntityTypeConfiguration<SearchDictionaryEntry>
{
    public void Configure(EntityTypeBuilder<SearchDictionaryEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Terms).HasMaxLength(SearchDictionaryEntry.MaxTerms * (SearchDictionaryEntry.MaxTermLength + 3)).IsRequired();
        builder.Ignore(e => e.TermList);
        builder.HasIndex(e => e.UpdatedAt);
    }
}
