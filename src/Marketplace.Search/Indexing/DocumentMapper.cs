using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Marketplace.Search.Analysis;

namespace Marketplace.Search.Indexing;

/// <summary>Turns a listing into a Lucene document: analysed text, Thai bigrams, facet doc values, sort keys, suggestions.</summary>
internal static class DocumentMapper
{
    public static string IdText(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static Document ToDocument(SolutionDocument solution, string? generation = null)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var document = new Document
        {
            new StringField(FieldNames.Id, IdText(solution.Id), Field.Store.YES),
            new StoredField(FieldNames.Slug, solution.Slug ?? string.Empty),
        };
        if (generation is not null)
        {
            document.Add(new StringField(FieldNames.Generation, generation, Field.Store.NO));
        }

        AddStoredText(document, FieldNames.TitleTh, solution.TitleTh);
        AddStoredText(document, FieldNames.TitleEn, solution.TitleEn);
        AddStoredText(document, FieldNames.SummaryTh, solution.SummaryTh);
        AddStoredText(document, FieldNames.SummaryEn, solution.SummaryEn);
        AddStoredText(document, FieldNames.DescriptionTh, solution.DescriptionTh);
        AddStoredText(document, FieldNames.DescriptionEn, solution.DescriptionEn);
        var tags = solution.Tags ?? [];
        foreach (var tag in tags)
        {
            AddText(document, FieldNames.Tags, tag);
        }

        AddText(document, FieldNames.VendorTh, solution.VendorNameTh);
        AddText(document, FieldNames.VendorEn, solution.VendorNameEn);

        // Only Thai text feeds the bigram fields: the tokenizer ignores everything else anyway.
        AddText(document, FieldNames.TitleBigrams, solution.TitleTh);
        foreach (var text in new[] { solution.SummaryTh, solution.DescriptionTh, solution.VendorNameTh }.Concat(tags))
        {
            AddText(document, FieldNames.BodyBigrams, text);
        }

        AddFacet(document, FieldNames.Sector, solution.Sector);
        AddFacet(document, FieldNames.Maturity, solution.Maturity);
        AddFacet(document, FieldNames.Pricing, solution.PricingModel);
        AddFacet(document, FieldNames.Certified, solution.Certified ? "true" : "false");
        foreach (var category in (solution.Categories ?? []).Distinct())
        {
            AddMultiFacet(document, FieldNames.Category, IdText(category));
        }

        foreach (var province in (solution.Provinces ?? []).Where(p => !string.IsNullOrEmpty(p)).Distinct())
        {
            AddMultiFacet(document, FieldNames.Province, province);
        }

        document.Add(new NumericDocValuesField(FieldNames.Published, solution.PublishedAt.UtcTicks));
        document.Add(new SortedDocValuesField(FieldNames.NameSort, new BytesRef(NameKey(solution.TitleTh))));

        var texts = new[] { solution.TitleTh, solution.TitleEn, solution.SummaryTh, solution.SummaryEn, solution.DescriptionTh,
            solution.DescriptionEn, solution.VendorNameTh, solution.VendorNameEn }.Concat(tags);
        foreach (var word in texts.SelectMany(LatinWords).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(FieldNames.Spelling, word, Field.Store.NO));
        }

        AddSuggestions(document, FieldNames.SuggestTitle, [solution.TitleTh, solution.TitleEn]);
        AddSuggestions(document, FieldNames.SuggestTag, tags);
        AddSuggestions(document, FieldNames.SuggestVendor, [solution.VendorNameTh, solution.VendorNameEn]);
        return document;
    }

    /// <summary>Lower-case ASCII words of 3 to 30 letters; Latin words are delimited by non-letters, so no ICU needed.</summary>
    internal static IEnumerable<string> LatinWords(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var folded = SuggestText.Normalise(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var letter = i < folded.Length && char.IsAsciiLetterLower(folded[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (i - start is >= 3 and <= 30)
                {
                    yield return folded[start..i];
                }

                start = -1;
            }
        }
    }

    // Doc values cap a value at 32 KB; a title's first 200 characters decide its place in the list anyway.
    private static byte[] NameKey(string title) => ThaiAnalysis.SortKey(title.Length > 200 ? title[..200] : title);

    private static void AddStoredText(Document document, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            document.Add(new TextField(field, text, Field.Store.YES));
        }
    }

    private static void AddText(Document document, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            document.Add(new TextField(field, text, Field.Store.NO));
        }
    }

    // Indexed for term queries (MoreLikeThis boosts), doc values for filters and facet counts.
    private static void AddFacet(Document document, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            document.Add(new StringField(field, value, Field.Store.NO));
            document.Add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }

    private static void AddMultiFacet(Document document, string field, string value)
    {
        document.Add(new StringField(field, value, Field.Store.NO));
        document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    private static void AddSuggestions(Document document, string field, IEnumerable<string?> texts)
    {
        foreach (var term in texts.SelectMany(SuggestText.Terms).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(field, term, Field.Store.NO));
        }
    }
}
