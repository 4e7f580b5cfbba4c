using System.Globalization;
using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marketplace.Search.Analysis;
using Marketplace.Search.Indexing;
using Marketplace.Search.Querying;
using Marketplace.Search.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Marketplace.Search;

/// <summary>
/// The listings index. One IndexWriter and one SearcherManager for the life of the object; searches use the latest
/// snapshot, which a background timer refreshes about every 500 ms, so an upsert is searchable within a second
/// without a commit. Commits are the caller's choice (batched) and carry the last applied change-log sequence.
/// Every public member is safe to call from many threads.
/// </summary>
public sealed partial class SolutionIndex : IDisposable
{
    private const string SequenceKey = "lastAppliedSequence";
    private const int ProgressEvery = 1000;

    private readonly LuceneDirectory directory;
    private readonly MarketplaceAnalyzer analyzer = new();
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly SolutionIndexOptions options;
    private readonly Timer refreshTimer;
    private readonly System.Threading.Lock commitGate = new();
    private readonly System.Threading.Lock timerGate = new();
    private bool refreshStopped;
    private SearchDictionary dictionary = SearchDictionary.BuiltIn;
    private long lastAppliedSequence;
    private int disposed;

    private SolutionIndex(LuceneDirectory directory, SolutionIndexOptions options)
    {
        this.directory = directory;
        this.options = options;
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = WarmingSearcherFactory.Similarity,
            // A rebuild flushes fewer, larger segments, which leaves less to merge; a steady trickle of upserts never fills it.
            RAMBufferSizeMB = 256,
        };
        writer = new IndexWriter(directory, config);
        try
        {
            searchers = new SearcherManager(writer, true, new WarmingSearcherFactory());
            if (options.VerifyChecksumsOnOpen)
            {
                VerifyChecksums();
            }
        }
        catch (Exception)
        {
            searchers?.Dispose();
            writer.Rollback();
            throw;
        }

        lastAppliedSequence = ReadSequence(writer.CommitData);

        // Armed only once assigned: the callback re-arms the timer through this field.
        refreshTimer = new Timer(_ => RefreshInBackground(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        refreshTimer.Change(options.RefreshInterval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The last change-log sequence stored by <see cref="Commit"/> or <see cref="Rebuild"/>; 0 for a new index.</summary>
    public long LastAppliedSequence => Interlocked.Read(ref lastAppliedSequence);

    /// <summary>Live listings in the current search snapshot (so it can trail an upsert by one refresh).</summary>
    public int DocumentCount => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>
    /// False when the index holds listings written with an older card layout (they lack its doc values field): the
    /// owner rebuilds it before serving results from it.
    /// </summary>
    public bool HasCurrentFormat => WithSearcher(searcher => searcher.IndexReader.Leaves
        .All(leaf => leaf.AtomicReader.NumDocs == 0 || leaf.AtomicReader.FieldInfos.FieldInfo(FieldNames.Card) is not null));

    /// <summary>Opens or creates the index in a folder. Throws <see cref="IndexDamagedException"/> when it cannot be read.</summary>
    public static SolutionIndex Open(string folder) => Open(folder, new SolutionIndexOptions());

    public static SolutionIndex Open(string folder, SolutionIndexOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        ThaiAnalysis.Warm();
        System.IO.Directory.CreateDirectory(folder);
        var directory = new MappedFileDirectory(folder);
        try
        {
            return new SolutionIndex(directory, options);
        }
        catch (Exception e) when (IsDamage(e))
        {
            directory.Dispose();
            throw new IndexDamagedException(folder, e);
        }
        catch (Exception)
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>An index in memory, for tests.</summary>
    public static SolutionIndex InMemory(SolutionIndexOptions? options = null)
    {
        ThaiAnalysis.Warm();
        return new SolutionIndex(new RAMDirectory(), options ?? new SolutionIndexOptions());
    }

    /// <summary>Adds the listing or replaces the one with the same Id.</summary>
    public void Upsert(SolutionDocument doc)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(doc);
        writer.UpdateDocument(IdTerm(doc.Id), DocumentMapper.ToDocument(doc, analyzer));
    }

    public void Delete(int id)
    {
        ThrowIfDisposed();
        writer.DeleteDocuments(IdTerm(id));
    }

    /// <summary>Makes every change so far durable, recording that the change log has been applied up to the sequence.</summary>
    public void Commit(long lastAppliedSequence)
    {
        ThrowIfDisposed();
        lock (commitGate)
        {
            CommitLocked(lastAppliedSequence);
        }
    }

    /// <summary>
    /// Replaces the whole index with the given listings and commits with the sequence they reflect. Listings are
    /// added on all cores; ids must be unique. Do not apply change-log entries while this runs: the caller pauses its
    /// updater and resumes it from <paramref name="sequence"/>. Searches keep working throughout.
    /// </summary>
    public void Rebuild(IEnumerable<SolutionDocument> docs, long sequence, IProgress<int>? progress = null)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(docs);
        lock (commitGate)
        {
            // Listings are added with a fresh generation and the others deleted at the end, instead of DeleteAll first:
            // if reading the listings fails half-way, the index still holds every listing. Adding rather than updating
            // by id saves a buffered delete per listing, which the writer would apply against every segment at flush.
            var generation = Guid.NewGuid().ToString("N");
            var added = 0;
            try
            {
                Parallel.ForEach(docs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, doc =>
                {
                    writer.AddDocument(DocumentMapper.ToDocument(doc, analyzer, generation));
                    var count = Interlocked.Increment(ref added);
                    if (count % ProgressEvery == 0)
                    {
                        progress?.Report(count);
                    }
                });
            }
            catch (Exception e)
            {
                // The listings added so far sit beside the ones they were to replace: take them out again, so a failed
                // rebuild leaves the index as it was.
                writer.DeleteDocuments(new Term(FieldNames.Generation, generation));
                if (e is AggregateException { InnerExceptions.Count: 1 } single)
                {
                    ExceptionDispatchInfo.Capture(single.InnerExceptions[0]).Throw();
                }

                throw;
            }

            var stale = new BooleanQuery
            {
                { new MatchAllDocsQuery(), Occur.MUST },
                { new TermQuery(new Term(FieldNames.Generation, generation)), Occur.MUST_NOT },
            };
            writer.DeleteDocuments(stale);

            // Every query pays a dictionary seek per term per segment: a freshly rebuilt index is merged into one
            // segment, which measured 2-4 times cheaper to query at 100,000 listings than the ~15 left by indexing.
            writer.ForceMerge(1);
            CommitLocked(sequence);
            progress?.Report(added);
        }

        searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes all changes so far visible to searches now, instead of at the next background refresh.</summary>
    public void Refresh()
    {
        ThrowIfDisposed();
        searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// The synonym, abbreviation, glossary and province dictionaries that queries are expanded with. Replacing it
    /// takes effect from the next search, with no re-index (moderators' edits are swapped in this way).
    /// </summary>
    public SearchDictionary Dictionary
    {
        get => Volatile.Read(ref dictionary);
        set => Volatile.Write(ref dictionary, value ?? throw new ArgumentNullException(nameof(value)));
    }

    public SearchResult Search(SearchRequest request) => Search(request, Dictionary);

    /// <summary>Searches with the given dictionaries instead of the current ones (a moderator's preview of an edit).</summary>
    public SearchResult Search(SearchRequest request, SearchDictionary dictionary) =>
        WithSearcher(searcher => SearchExecutor.Run(searcher, analyzer, dictionary, request));

    /// <summary>Titles, tags and vendor names containing a word that starts with the prefix; prefix-at-start first.</summary>
    public IReadOnlyList<Suggestion> Suggest(string prefix, int max = 8) =>
        WithSearcher(searcher => Suggester.Suggest(searcher, prefix, max));

    /// <summary>Listings whose text resembles the given text; sector, category and provinces raise the score.</summary>
    public IReadOnlyList<SimilarSolution> MoreLikeThis(string textTh, string? textEn, string? sector, int? category,
        IReadOnlyList<string> provinces, int max) =>
        WithSearcher(searcher => SimilarFinder.Find(searcher, analyzer, Dictionary, textTh, textEn, sector, category, provinces, max));

    private static Term IdTerm(int id) => new(FieldNames.Id, DocumentMapper.IdText(id));

    private static long ReadSequence(IDictionary<string, string>? commitData) =>
        commitData is not null && commitData.TryGetValue(SequenceKey, out var text)
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : 0;

    private void CommitLocked(long sequence)
    {
        // Nothing new to make durable: skip the commit and its fsyncs (the updater commits often, usually idle).
        if (sequence == LastAppliedSequence && !writer.HasUncommittedChanges())
        {
            return;
        }

        writer.SetCommitData(new Dictionary<string, string>
        {
            [SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
        });
        writer.Commit();
        Interlocked.Exchange(ref lastAppliedSequence, sequence);
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> use)
    {
        ThrowIfDisposed();
        var searcher = searchers.Acquire();
        try
        {
            return use(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
}
