using System.Buffers;
using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Marketplace.Search.Querying;

/// <summary>
/// The first pass of a search — which listings match, with Lucene's score for each — computed a posting list at a
/// time instead of a document at a time. Lucene's scorer tree advances a conjunction, a disjunction and a term
/// scorer per clause for every matching document (virtual calls, a skip-list check and a block refill per clause):
/// at 100,000 listings, with 5,000–35,000 matches, that was half of the slowest searches. Here each word's postings
/// are read whole into an array, a group of alternatives is summed into a dense array over the segment, and a
/// conjunction intersects the arrays from its rarest clause; a clause much commoner than the matches so far jumps to
/// them by skip list instead of being read.
/// <para>
/// The scores are Lucene's to the bit: the same statistics, boosts and normalisation; a conjunction sums its clauses
/// in float, cheapest first, as <c>ConjunctionScorer</c> does; a disjunction sums in double and rounds once, as
/// <c>DisjunctionSumScorer</c> does (the order of a double sum of a few floats does not change it). Clauses other than
/// words and plain AND or OR groups (phrases, a group with a minimum or an exclusion) are scored by Lucene's own
/// scorer and read out whole. Deleted listings never match. Coordination factors are taken as 1, which is what the
/// index's BM25 similarity gives; any other similarity goes through Lucene.
/// </para>
/// </summary>
internal static class PostingListMatcher
{
    /// <summary>
    /// A clause at least this many times commoner than the matches so far is checked at each of them by skip list
    /// rather than read whole.
    /// </summary>
    private const int SkipWhenCommonerBy = 8;

    /// <summary>Runs <paramref name="query"/> into <paramref name="collector"/> in document order; false when its similarity needs Lucene.</summary>
    public static bool TrySearch(IndexSearcher searcher, IndexVocabulary vocabulary, Query query, ICollector collector)
    {
        if (searcher.Similarity is not BM25Similarity)
        {
            return false;
        }

        var root = Compile(searcher.Rewrite(query), searcher, vocabulary);
        var norm = searcher.Similarity.QueryNorm(root.ValueForNormalization());
        root.Normalize(float.IsInfinity(norm) || float.IsNaN(norm) ? 1f : norm, 1f);

        var scorer = new ListScorer();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            collector.SetNextReader(leaf);
            var segment = new Segment(leaf, leaf.AtomicReader.LiveDocs, vocabulary, searcher.Similarity);
            root.Prepare(segment);
            if (root.Cost < 0)
            {
                continue;
            }

            var matches = root.Evaluate(segment);
            collector.SetScorer(scorer);
            for (var i = 0; i < matches.Count; i++)
            {
                scorer.Set(matches.Docs[i], matches.Scores[i]);
                collector.Collect(matches.Docs[i]);
            }

            matches.Dispose();
        }

        return true;
    }

    private static Node Compile(Query query, IndexSearcher searcher, IndexVocabulary vocabulary) => query switch
    {
        TermQuery word => new Word(word.Term, searcher.Similarity.ComputeWeight(word.Boost,
            searcher.CollectionStatistics(word.Term.Field), searcher.TermStatistics(word.Term, vocabulary.Context(word.Term)))),
        BooleanQuery { MinimumNumberShouldMatch: 0 } all when all.Clauses.Count > 0 && all.Clauses.All(c => c.Occur == Occur.MUST)
            => new All(all.Boost, all.Clauses.Select(c => Compile(c.Query, searcher, vocabulary)).ToArray()),
        BooleanQuery { MinimumNumberShouldMatch: <= 1 } any when any.Clauses.Count > 0 && any.Clauses.All(c => c.Occur == Occur.SHOULD)
            => new Any(any.Boost, any.Clauses.Select(c => Compile(c.Query, searcher, vocabulary)).ToArray()),
        _ => new Other(query.CreateWeight(searcher)),
    };

    /// <summary>As Lucene's BooleanWeight: the clauses' values summed in float, times the group's boost squared.</summary>
    private static float SumOfSquares(Node[] clauses, float boost)
    {
        var sum = 0f;
        foreach (var clause in clauses)
        {
            sum += clause.ValueForNormalization();
        }

        return sum * (boost * boost);
    }

    /// <summary>One segment being matched: its live documents and the search's reused postings enumerators.</summary>
    private sealed record Segment(AtomicReaderContext Leaf, IBits? LiveDocs, IndexVocabulary Vocabulary, Similarity Similarity)
    {
        public int MaxDoc => Leaf.Reader.MaxDoc;
    }

    private abstract class Node
    {
        /// <summary>What Lucene's scorer for this clause reports as its cost in the prepared segment; -1 when it matches nothing there.</summary>
        public long Cost { get; protected set; } = -1;

        public abstract float ValueForNormalization();

        public abstract void Normalize(float norm, float topLevelBoost);

        public abstract void Prepare(Segment segment);

        /// <summary>The clause's matches in the prepared segment (Cost ≥ 0), in document order.</summary>
        public abstract ScoredDocs Evaluate(Segment segment);
    }

    /// <summary>A word in one field: Lucene's TermWeight and TermScorer.</summary>
    private sealed class Word(Term term, Similarity.SimWeight stats) : Node
    {
        public override float ValueForNormalization() => stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => stats.Normalize(norm, topLevelBoost);

        public override void Prepare(Segment segment) =>
            Cost = segment.Vocabulary.DocFreq(segment.Leaf, term) is var docFreq and > 0 ? docFreq : -1;

        public override ScoredDocs Evaluate(Segment segment)
        {
            var score = segment.Similarity.GetSimScorer(stats, segment.Leaf);
            var matches = new ScoredDocs((int)Cost);
            if (Hot(segment) is { } hot)
            {
                var (docs, freqs, live) = (hot.Docs, hot.Freqs, segment.LiveDocs);
                for (var i = 0; i < docs.Length; i++)
                {
                    if (live is null || live.Get(docs[i]))
                    {
                        matches.Add(docs[i], score.Score(docs[i], freqs[i]));
                    }
                }

                return matches;
            }

            var postings = Postings(segment);
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                matches.Add(doc, score.Score(doc, postings.Freq));
            }

            return matches;
        }

        /// <summary>Keeps the matches that have this word, adding its score to theirs; jumps to each by skip list.</summary>
        public void AddAtEach(Segment segment, ScoredDocs matches)
        {
            var score = segment.Similarity.GetSimScorer(stats, segment.Leaf);
            var hot = Hot(segment);
            var postings = hot is null ? Postings(segment) : null;
            var kept = 0;
            for (int i = 0, from = 0; i < matches.Count; i++)
            {
                var doc = matches.Docs[i];
                float? found = null;
                if (hot is not null)
                {
                    var at = hot.Find(doc, from);
                    from = at < 0 ? ~at : at;
                    found = at >= 0 ? score.Score(doc, hot.Freqs[at]) : null;
                }
                else if ((postings!.DocID >= doc || postings.Advance(doc) >= doc) && postings.DocID == doc)
                {
                    found = score.Score(doc, postings.Freq);
                }

                if (found is { } wordScore)
                {
                    matches.Docs[kept] = doc;
                    matches.Scores[kept++] = matches.Scores[i] + wordScore;
                }
            }

            matches.Count = kept;
        }

        // Cached postings hold deleted documents too; matches are only ever documents live in this snapshot.
        private HotPostings.Postings? Hot(Segment segment) => HotPostings.For(segment.Leaf.AtomicReader)
            .Get(term.Field, term.Bytes, Cost, () => segment.Vocabulary.Docs(segment.Leaf, term));

        private DocsEnum Postings(Segment segment) => segment.Vocabulary.Docs(segment.Leaf, term, segment.LiveDocs)
            ?? throw new InvalidOperationException("A prepared word has postings in its segment.");
    }

    /// <summary>Every clause must match: Lucene's ConjunctionScorer.</summary>
    private sealed class All(float boost, Node[] clauses) : Node
    {
        private Node[] byCost = [];

        public override float ValueForNormalization() => SumOfSquares(clauses, boost);

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var clause in clauses)
            {
                clause.Normalize(norm, topLevelBoost * boost);
            }
        }

        public override void Prepare(Segment segment)
        {
            foreach (var clause in clauses)
            {
                clause.Prepare(segment);
            }

            // Stable, as Lucene's TimSort of the clauses by cost: equal costs keep the query's order.
            byCost = clauses.Any(c => c.Cost < 0) ? [] : clauses.OrderBy(c => c.Cost).ToArray();
            Cost = byCost.Length == 0 ? -1 : byCost[0].Cost;
        }

        public override ScoredDocs Evaluate(Segment segment)
        {
            var matches = byCost[0].Evaluate(segment);
            foreach (var clause in byCost.AsSpan(1))
            {
                if (matches.Count == 0)
                {
                    break;
                }

                if (clause is Word word && clause.Cost >= (long)matches.Count * SkipWhenCommonerBy)
                {
                    word.AddAtEach(segment, matches);
                }
                else
                {
                    using var other = clause.Evaluate(segment);
                    matches.IntersectAdding(other);
                }
            }

            return matches;
        }
    }

    /// <summary>Any clause may match, the scores summed: Lucene's DisjunctionSumScorer.</summary>
    private sealed class Any(float boost, Node[] clauses) : Node
    {
        public override float ValueForNormalization() => SumOfSquares(clauses, boost);

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var clause in clauses)
            {
                clause.Normalize(norm, topLevelBoost * boost);
            }
        }

        public override void Prepare(Segment segment)
        {
            Cost = -1;
            foreach (var clause in clauses)
            {
                clause.Prepare(segment);
                if (clause.Cost >= 0)
                {
                    Cost = Math.Max(Cost, 0) + clause.Cost;
                }
            }
        }

        public override ScoredDocs Evaluate(Segment segment)
        {
            if (clauses.Count(c => c.Cost >= 0) == 1)
            {
                return clauses.First(c => c.Cost >= 0).Evaluate(segment);
            }

            using var sums = new DenseSums(segment.MaxDoc);
            foreach (var clause in clauses)
            {
                if (clause.Cost >= 0)
                {
                    using var matches = clause.Evaluate(segment);
                    sums.Add(matches);
                }
            }

            return sums.Drain();
        }
    }

    /// <summary>Any other clause (a phrase, a group with a minimum or an exclusion): Lucene's own weight and scorer.</summary>
    private sealed class Other(Weight weight) : Node
    {
        private Scorer? scorer;

        public override float ValueForNormalization() => weight.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => weight.Normalize(norm, topLevelBoost);

        public override void Prepare(Segment segment)
        {
            scorer = weight.GetScorer(segment.Leaf, segment.LiveDocs);
            Cost = scorer?.GetCost() ?? -1;
        }

        public override ScoredDocs Evaluate(Segment segment)
        {
            var matches = new ScoredDocs(16);
            for (var doc = scorer!.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                matches.Add(doc, scorer.GetScore());
            }

            return matches;
        }
    }

    /// <summary>Documents in ascending order with a score each, in pooled arrays.</summary>
    private sealed class ScoredDocs : IDisposable
    {
        public ScoredDocs(int capacity)
        {
            Docs = ArrayPool<int>.Shared.Rent(Math.Max(capacity, 16));
            Scores = ArrayPool<float>.Shared.Rent(Docs.Length);
        }

        public int[] Docs { get; private set; }

        public float[] Scores { get; private set; }

        public int Count { get; set; }

        public void Add(int doc, float score)
        {
            if (Count == Docs.Length)
            {
                Grow();
            }

            Docs[Count] = doc;
            Scores[Count++] = score;
        }

        /// <summary>Keeps the documents that are also in <paramref name="other"/>, adding its score to theirs.</summary>
        public void IntersectAdding(ScoredDocs other)
        {
            var kept = 0;
            for (int i = 0, j = 0; i < Count && j < other.Count;)
            {
                var doc = Docs[i];
                var otherDoc = other.Docs[j];
                if (doc < otherDoc)
                {
                    i++;
                }
                else if (doc > otherDoc)
                {
                    j++;
                }
                else
                {
                    Docs[kept] = doc;
                    Scores[kept++] = Scores[i++] + other.Scores[j++];
                }
            }

            Count = kept;
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(Docs);
            ArrayPool<float>.Shared.Return(Scores);
            Docs = [];
            Scores = [];
        }

        private void Grow()
        {
            var docs = ArrayPool<int>.Shared.Rent(Docs.Length * 2);
            var scores = ArrayPool<float>.Shared.Rent(docs.Length);
            Docs.AsSpan(0, Count).CopyTo(docs);
            Scores.AsSpan(0, Count).CopyTo(scores);
            Dispose();
            (Docs, Scores) = (docs, scores);
        }
    }

    /// <summary>
    /// A disjunction's running sums over the whole segment: a bit per document that matched any clause and its sum in
    /// double. Scattering into an array costs the same for two clauses or twenty, and reading the bits back yields the
    /// documents in order without merging lists.
    /// </summary>
    private sealed class DenseSums : IDisposable
    {
        private readonly ulong[] seen;
        private readonly double[] sums;
        private readonly int words;
        private int count;

        public DenseSums(int maxDoc)
        {
            words = (maxDoc + 63) >> 6;
            seen = ArrayPool<ulong>.Shared.Rent(words);
            seen.AsSpan(0, words).Clear();
            sums = ArrayPool<double>.Shared.Rent(maxDoc);
        }

        public void Add(ScoredDocs matches)
        {
            for (var i = 0; i < matches.Count; i++)
            {
                var doc = matches.Docs[i];
                ref var word = ref seen[doc >> 6];
                var bit = 1UL << doc;
                if ((word & bit) == 0)
                {
                    word |= bit;
                    sums[doc] = matches.Scores[i];
                    count++;
                }
                else
                {
                    sums[doc] += matches.Scores[i];
                }
            }
        }

        /// <summary>The documents that matched, in order, each with its sum rounded once to float.</summary>
        public ScoredDocs Drain()
        {
            var matches = new ScoredDocs(count);
            for (var w = 0; w < words; w++)
            {
                for (var bits = seen[w]; bits != 0; bits &= bits - 1)
                {
                    var doc = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    matches.Add(doc, (float)sums[doc]);
                }
            }

            return matches;
        }

        public void Dispose()
        {
            ArrayPool<ulong>.Shared.Return(seen);
            ArrayPool<double>.Shared.Return(sums);
        }
    }

    /// <summary>Hands the collector each match's precomputed score.</summary>
    private sealed class ListScorer() : Scorer(null)
    {
        private int doc = -1;
        private float score;

        public override int DocID => doc;

        public override int Freq => 1;

        public void Set(int doc, float score) => (this.doc, this.score) = (doc, score);

        public override float GetScore() => score;

        public override int NextDoc() => throw new NotSupportedException("The collector is handed each match.");

        public override int Advance(int target) => throw new NotSupportedException("The collector is handed each match.");

        public override long GetCost() => 0;
    }
}
