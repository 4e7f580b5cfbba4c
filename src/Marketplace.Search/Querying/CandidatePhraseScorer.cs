using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Marketplace.Search.Querying;

/// <summary>
/// Visits only the candidates; at each one, moves every word's postings there by skip list and, when all are there,
/// counts the phrase. With a slop, as Lucene's SloppyPhraseScorer does for a phrase without repeated words: each
/// word's positions are shifted back by its place in the phrase, the earliest is moved forward while the span shrinks,
/// and every minimal span within the slop adds 1 / (span + 1). Without one, each exact occurrence adds 1.
/// </summary>
internal sealed class CandidatePhraseScorer(Weight weight, DocsAndPositionsEnum[] postings, CandidateDocs candidates, int slop,
    Similarity.SimScorer docScorer) : Scorer(weight)
{
    // Rarest word first: a candidate without the phrase is usually left at its rarest word (for a Thai run, the letter
    // pair across two words), before the common words' postings are moved there.
    private readonly DocsAndPositionsEnum[] byRarity = [.. postings.OrderBy(p => p.GetCost())];
    private readonly int[] position = new int[postings.Length];
    private readonly int[] remaining = new int[postings.Length];
    private int doc = -1;
    private float freq;

    public override int DocID => doc;

    public override int Freq => (int)freq;

    public override float GetScore() => docScorer.Score(doc, freq);

    public override long GetCost() => candidates.Count;

    public override int NextDoc() => Advance(doc + 1);

    public override int Advance(int target)
    {
        var next = candidates.NextAtOrAfter(target);
        while (next >= 0)
        {
            if (AllAt(next) && (freq = slop > 0 ? SloppyFreq() : ExactFreq()) > 0)
            {
                return doc = next;
            }

            next = candidates.NextAtOrAfter(next + 1);
        }

        return doc = NO_MORE_DOCS;
    }

    private bool AllAt(int target)
    {
        foreach (var words in byRarity)
        {
            if (words.DocID < target && words.Advance(target) == NO_MORE_DOCS)
            {
                return false;
            }

            if (words.DocID != target)
            {
                return false;
            }
        }

        return true;
    }

    private float SloppyFreq()
    {
        var end = FirstPositions();

        var sum = 0f;
        var first = Earliest();
        var matchLength = end - position[first];
        var next = SecondEarliest(first);
        while (NextPosition(first, ref end))
        {
            if (position[first] > next)
            {
                if (matchLength <= slop)
                {
                    sum += docScorer.ComputeSlopFactor(matchLength);
                }

                first = Earliest();
                next = SecondEarliest(first);
                matchLength = end - position[first];
            }
            else
            {
                matchLength = Math.Min(matchLength, end - position[first]);
            }
        }

        return matchLength <= slop ? sum + docScorer.ComputeSlopFactor(matchLength) : sum;
    }

    /// <summary>The number of places where every word stands at its offset from the first.</summary>
    private float ExactFreq()
    {
        var end = FirstPositions();

        var count = 0;
        do
        {
            var start = position[0];
            var all = true;
            for (var i = 1; i < postings.Length && all; i++)
            {
                while (position[i] < start && NextPosition(i, ref end))
                {
                }

                all = position[i] == start;
            }

            count += all ? 1 : 0;
        }
        while (NextPosition(0, ref end));

        return count;
    }

    /// <summary>Puts every word on its first position in the current document; returns the largest.</summary>
    private int FirstPositions()
    {
        var end = int.MinValue;
        for (var i = 0; i < postings.Length; i++)
        {
            remaining[i] = postings[i].Freq;
            NextPosition(i, ref end);
        }

        return end;
    }

    private bool NextPosition(int word, ref int end)
    {
        if (remaining[word]-- <= 0)
        {
            return false;
        }

        position[word] = postings[word].NextPosition() - word;
        end = Math.Max(end, position[word]);
        return true;
    }

    /// <summary>The word with the smallest shifted position; on a tie, the one earlier in the phrase (Lucene's queue order).</summary>
    private int Earliest()
    {
        var best = 0;
        for (var i = 1; i < position.Length; i++)
        {
            if (position[i] < position[best])
            {
                best = i;
            }
        }

        return best;
    }

    private int SecondEarliest(int earliest)
    {
        var second = int.MaxValue;
        for (var i = 0; i < position.Length; i++)
        {
            if (i != earliest)
            {
                second = Math.Min(second, position[i]);
            }
        }

        return second;
    }
}
