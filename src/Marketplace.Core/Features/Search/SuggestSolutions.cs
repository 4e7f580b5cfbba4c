using Marketplace.Search;
using MediatR;

namespace Marketplace.Core.Features.Search;

/// <summary>Autocomplete: titles, tags and vendor names that start like what the person is typing.</summary>
public static class SuggestSolutions
{
    public sealed record Query(string? Prefix, int Max = 8) : IRequest<IReadOnlyList<Suggestion>>;

    public sealed class Handler(SearchIndexHost host) : IRequestHandler<Query, IReadOnlyList<Suggestion>>
    {
        public Task<IReadOnlyList<Suggestion>> Handle(Query request, CancellationToken cancellationToken) =>
            Task.FromResult(string.IsNullOrWhiteSpace(request.Prefix)
                ? []
                : host.Read(index => index.Suggest(request.Prefix.Length > 100 ? request.Prefix[..100] : request.Prefix, Math.Clamp(request.Max, 1, 20))));
    }
}
