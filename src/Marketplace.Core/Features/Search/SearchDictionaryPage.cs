using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Search;
using Marketplace.Search;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Search;

/// <summary>
/// What the moderators' dictionary page shows: the lines added in the site, how many ship with the engine, and a
/// preview of what a query would search for and find — with a line not yet saved, so an edit can be tried first.
/// </summary>
public static class SearchDictionaryPage
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed record Query(string? TryQuery, DictionaryKind? TryKind, string? TryTerms) : IRequest<Result>;

    public sealed record Line(int Id, DictionaryKind Kind, string Terms, DateTimeOffset UpdatedAt);

    public sealed record Preview(string Query, IReadOnlyList<string> AlsoSearched, string? CorrectedQuery, int Total, IReadOnlyList<string> TopTitles);

    public sealed record Result(IReadOnlyList<Line> Lines, IReadOnlyDictionary<DictionaryKind, int> ShippedCounts, Preview? Preview);

    public sealed class Handler(MarketplaceDbContext db, SearchIndexHost host) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var lines = await db.SearchDictionaryEntries.AsNoTracking().OrderByDescending(e => e.UpdatedAt)
                .Select(e => new Line(e.Id, e.Kind, e.Terms, e.UpdatedAt)).ToListAsync(cancellationToken);
            var shipped = SearchDictionary.BuiltIn.Entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
            Preview? preview = null;
            if (!string.IsNullOrWhiteSpace(request.TryQuery))
            {
                var dictionary = host.Index.Dictionary;
                var trial = EditSearchDictionary.TermsOf(request.TryTerms ?? "");
                if (request.TryKind is { } kind && trial.Count >= 2)
                    dictionary = dictionary.With([new DictionaryEntry(kind, trial)]);
                var found = host.Read(index => index.Search(new SearchRequest(request.TryQuery, PageSize: 5), dictionary));
                var ids = found.Hits.Select(h => h.Id).ToList();
                var titles = await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Live!.TitleTh })
                    .ToDictionaryAsync(l => l.Id, l => l.TitleTh, cancellationToken);
                preview = new Preview(request.TryQuery, found.AlsoSearched, found.CorrectedQuery, found.Total,
                    ids.Where(titles.ContainsKey).Select(id => titles[id]).ToList());
            }

            return new Result(lines, shipped, preview);
        }
    }
}
