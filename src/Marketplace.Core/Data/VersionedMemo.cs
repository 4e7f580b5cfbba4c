using System.Collections.Concurrent;

namespace Marketplace.Core.Data;

/// <summary>
/// Answers to read-only queries, remembered per query until a version moves (see <see cref="VersionedSnapshot{T}"/>):
/// a page signed-in people render again and again then costs no database work while nothing it shows has changed.
/// At most <c>capacity</c> answers are kept per version, so a visitor varying a query string cannot fill the memory.
/// </summary>
public sealed class VersionedMemo<TKey, TValue>(Func<long> version, int capacity)
    where TKey : notnull
{
    private volatile Generation _current = new(long.MinValue);

    private sealed class Generation(long version)
    {
        public long Version { get; } = version;
        public ConcurrentDictionary<TKey, TValue> Answers { get; } = new();
    }

    public async Task<TValue> GetAsync(TKey key, Func<CancellationToken, Task<TValue>> compute, CancellationToken ct)
    {
        // Read before computing: an answer that overlaps a change is kept under the older version, which is never asked for again.
        var stamp = version();
        var generation = _current;
        if (generation.Version == stamp && generation.Answers.TryGetValue(key, out var known))
            return known;
        var answer = await compute(ct);
        generation = _current;
        if (generation.Version < stamp)
        {
            generation = new Generation(stamp);
            _current = generation;
        }
        if (generation.Version == stamp && generation.Answers.Count < capacity)
            generation.Answers.TryAdd(key, answer);
        return answer;
    }
}
