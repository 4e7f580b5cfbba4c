using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Marketplace.Search.Analysis;

namespace Marketplace.Search.Indexing;

/// <summary>
/// Turns a listing into a Lucene document. Each text is segmented once (<see cref="AnalyzedText"/>) and replayed
/// into the fields that need it: the combined matching field (all), the weighting fields (title, summary, meta),
/// the autocomplete keys; plus Thai bigrams, facet doc values and sort keys. Per-field
/// copies of the long descriptions are deliberately absent: each term costs a dictionary seek per segment at query
/// time and postings at build time, and the description's weight is what the combined field already gives.
/// </summary>
internal static class DocumentMapper
{
    public static string IdText(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static Document ToDocument(SolutionDocument solution, Analyzer analyzer, string? generation = null)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var document = new Document
        {
            FieldTypes.Keyword(FieldNames.Id, IdText(solution.Id)),
            new NumericDocValuesField(FieldNames.IdOrder, solution.Id),
            new BinaryDocValuesField(FieldNames.Card, ListingCard.Pack(solution)),
            new BinaryDocValuesField(FieldNames.Descriptions, PackedText.Pack(solution.DescriptionTh, solution.DescriptionEn)),
        };
        if (generation is not null)
        {
            document.Add(FieldTypes.Keyword(FieldNames.Generation, generation));
        }

        AnalyzedText? Analyze(string? text) => AnalyzedText.Of(analyzer, text);
        var titles = new[] { Analyze(solution.TitleTh), Analyze(solution.TitleEn) };
        var summaries = new[] { Analyze(solution.SummaryTh), Analyze(solution.SummaryEn) };
        var descriptions = new[] { Analyze(solution.DescriptionTh), Analyze(solution.DescriptionEn) };
        var tags = (solution.Tags ?? []).Select(Analyze).ToArray();
        var vendors = new[] { Analyze(solution.VendorNameTh), Analyze(solution.VendorNameEn) };

        Index(document, FieldNames.All, titles.Concat(summaries).Concat(descriptions).Concat(tags).Concat(vendors));
        Index(document, FieldNames.Meta, tags.Concat(vendors));
        Index(document, FieldNames.Title, titles);
        Index(document, FieldNames.Summary, summaries);

        foreach (var tag in solution.Tags ?? [])
        {
            Store(document, FieldNames.Tag, tag);
        }

        Store(document, FieldNames.VendorTh, solution.VendorNameTh);
        Store(document, FieldNames.VendorEn, solution.VendorNameEn);

        // Only Thai text feeds the bigram field: the tokenizer ignores everything else anyway.
        foreach (var text in new[] { solution.TitleTh, solution.SummaryTh, solution.DescriptionTh, solution.VendorNameTh }.Concat(solution.Tags ?? []))
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                document.Add(new Field(FieldNames.Bigrams, text, FieldTypes.Bigrams));
            }
        }

        AddFacets(document, solution);
        document.Add(new NumericDocValuesField(FieldNames.Published, solution.PublishedAt.UtcTicks));
        document.Add(new SortedDocValuesField(FieldNames.NameSort, new BytesRef(NameKey(solution.TitleTh ?? string.Empty))));

        document.Add(FieldTypes.KeysField(FieldNames.Suggest, Suggestions(titles, Suggestion.TitleKind)
            .Concat(Suggestions(tags, Suggestion.TagKind)).Concat(Suggestions(vendors, Suggestion.VendorKind)).Distinct(StringComparer.Ordinal)));
        return document;
    }

    // Doc values cap a value at 32 KB; a title's first 200 characters decide its place in the list anyway.
    private static byte[] NameKey(string title) => ThaiAnalysis.SortKey(title.Length > 200 ? title[..200] : title);

    private static void Index(Document document, string field, IEnumerable<AnalyzedText?> texts)
    {
        foreach (var text in texts.OfType<AnalyzedText>())
        {
            document.Add(text.StemmedField(field));
        }
    }

    private static void Store(Document document, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            document.Add(new StoredField(field, text));
        }
    }

    // Indexed for term queries (MoreLikeThis boosts), doc values for filters and facet counts.
    private static void AddFacets(Document document, SolutionDocument solution)
    {
        AddFacet(document, FieldNames.Sector, solution.Sector, multi: false);
        AddFacet(document, FieldNames.Maturity, solution.Maturity, multi: false);
        AddFacet(document, FieldNames.Pricing, solution.PricingModel, multi: false);
        AddFacet(document, FieldNames.Certified, solution.Certified ? "true" : "false", multi: false);
        foreach (var category in (solution.Categories ?? []).Distinct())
        {
            AddFacet(document, FieldNames.Category, IdText(category), multi: true);
        }

        foreach (var province in (solution.Provinces ?? []).Distinct())
        {
            AddFacet(document, FieldNames.Province, province, multi: true);
        }
    }

    private static void AddFacet(Document document, string field, string? value, bool multi)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        document.Add(FieldTypes.Keyword(field, value));
        document.Add(multi ? new SortedSetDocValuesField(field, new BytesRef(value)) : new SortedDocValuesField(field, new BytesRef(value)));
    }

    private static IEnumerable<string> Suggestions(IEnumerable<AnalyzedText?> texts, string kind) =>
        texts.OfType<AnalyzedText>().SelectMany(t => SuggestText.Keys(t.Text, t.Tokens.Select(token => token.Start), kind));
}
