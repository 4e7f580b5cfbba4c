using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

public sealed class IndexLifetimeTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "marketplace-search-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_committed_sequence_and_listings_survive_closing_and_reopening()
    {
        using (var index = SolutionIndex.Open(folder))
        {
            Assert.Equal(0, index.LastAppliedSequence);
            index.Upsert(Listing(1, "ระบบข้อมูลสุขภาพ"));
            index.Commit(42);
        }

        using var reopened = SolutionIndex.Open(folder);

        Assert.Equal(42, reopened.LastAppliedSequence);
        Assert.Equal(1, reopened.DocumentCount);
        Assert.Equal([1], reopened.Search(new SearchRequest("สุขภาพ")).Ids());
    }

    [Fact]
    public void A_new_sequence_is_committed_even_when_no_listing_changed()
    {
        using (var index = SolutionIndex.Open(folder))
        {
            index.Commit(7);
            index.Commit(8);
        }

        using var reopened = SolutionIndex.Open(folder);
        Assert.Equal(8, reopened.LastAppliedSequence);
    }

    [Fact]
    public void Index_files_with_flipped_bytes_raise_index_damaged()
    {
        CreateIndexWithListings();
        foreach (var file in IndexFiles().Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            for (var i = bytes.Length / 3; i < bytes.Length * 2 / 3; i++)
            {
                bytes[i] ^= 0x5A;
            }

            File.WriteAllBytes(file, bytes);
        }

        var error = Assert.Throws<IndexDamagedException>(() => SolutionIndex.Open(folder));
        Assert.Equal(folder, error.Folder);
    }

    [Fact]
    public void A_truncated_commit_point_raises_index_damaged()
    {
        CreateIndexWithListings();
        var segments = IndexFiles().Single(f => Path.GetFileName(f).StartsWith("segments_", StringComparison.Ordinal));
        File.WriteAllBytes(segments, File.ReadAllBytes(segments)[..10]);

        Assert.Throws<IndexDamagedException>(() => SolutionIndex.Open(folder));
    }

    [Fact]
    public void A_damaged_folder_can_be_deleted_and_rebuilt()
    {
        CreateIndexWithListings();
        foreach (var file in IndexFiles())
        {
            File.WriteAllText(file, "garbage");
        }

        Assert.Throws<IndexDamagedException>(() => SolutionIndex.Open(folder));
        Directory.Delete(folder, recursive: true);
        using var index = SolutionIndex.Open(folder);
        index.Rebuild([Listing(5, "ระบบใหม่")], sequence: 99);

        Assert.Equal((1, 99L), (index.DocumentCount, index.LastAppliedSequence));
    }

    [Fact]
    public void Rebuild_replaces_every_listing_commits_the_sequence_and_reports_progress()
    {
        using var index = IndexOf(Listing(1, "ระบบเก่า"), Listing(2, "ระบบเก่าอีก"));
        var reports = new List<int>();
        var progress = new SynchronousProgress(reports.Add);

        index.Rebuild(Enumerable.Range(10, 2500).Select(i => Listing(i, $"ระบบใหม่ {i}")), sequence: 1234, progress);

        Assert.Equal(2500, index.DocumentCount);
        Assert.Equal(1234, index.LastAppliedSequence);
        Assert.Empty(index.Search(new SearchRequest("เก่า")).Hits);
        Assert.Equal([1000, 2000, 2500], reports.Order());
    }

    [Fact]
    public void Searches_see_the_old_listings_until_a_rebuild_ends_however_often_the_background_refresh_runs()
    {
        // A refresh opens a reader, and opening one flushes the rebuild's buffers into small segments: none may run.
        using var index = SolutionIndex.InMemory(new SolutionIndexOptions { RefreshInterval = TimeSpan.FromMilliseconds(5) });
        index.Upsert(Listing(1, "ระบบเก่า"));
        index.Upsert(Listing(2, "ระบบเก่าอีก"));
        index.Refresh();
        var seenMidway = new List<(int Documents, int OldHits)>();
        var progress = new SynchronousProgress(done =>
        {
            if (done == 1000)
            {
                Thread.Sleep(200);
                seenMidway.Add((index.DocumentCount, index.Search(new SearchRequest("เก่า")).Hits.Count));
            }
        });

        index.Rebuild(Enumerable.Range(10, 2500).Select(i => Listing(i, $"ระบบใหม่ {i}")), sequence: 7, progress);

        Assert.Equal([(2, 2)], seenMidway);
        Assert.Equal(2500, index.DocumentCount);
    }

    [Fact]
    public void A_failing_rebuild_keeps_the_listings_that_were_there()
    {
        using var index = IndexOf(Listing(1, "ระบบเก่า"));
        IEnumerable<SolutionDocument> Broken()
        {
            yield return Listing(1, "ระบบใหม่");
            yield return Listing(2, "ระบบใหม่");
            throw new InvalidOperationException("database went away");
        }

        Assert.Throws<InvalidOperationException>(() => index.Rebuild(Broken(), sequence: 5));
        index.Refresh();

        Assert.Equal([1], index.Search(new SearchRequest("เก่า")).Ids());
        Assert.Empty(index.Search(new SearchRequest("ใหม่")).Ids());
        Assert.Equal(1, index.DocumentCount);
        Assert.Equal(0, index.LastAppliedSequence);
    }

    [Fact]
    public void An_upsert_becomes_searchable_through_the_background_refresh_without_commit()
    {
        using var index = SolutionIndex.InMemory(new SolutionIndexOptions { RefreshInterval = TimeSpan.FromMilliseconds(50) });
        index.Upsert(Listing(1, "ระบบข้อมูลสุขภาพ"));

        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (index.DocumentCount == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Equal([1], index.Search(new SearchRequest("สุขภาพ")).Ids());
    }

    [Fact]
    public void Upsert_replaces_by_id_and_delete_removes()
    {
        using var index = IndexOf(Listing(1, "ระบบเก่า"), Listing(2, "ระบบอื่น"));
        index.Upsert(Listing(1, "ระบบใหม่"));
        index.Delete(2);
        index.Refresh();

        Assert.Equal(1, index.DocumentCount);
        Assert.Equal([1], index.Search(new SearchRequest("ใหม่")).Ids());
        Assert.Empty(index.Search(new SearchRequest("เก่า")).Hits);
    }

    [Fact]
    public void Searches_from_many_threads_while_writing_all_succeed()
    {
        using var index = IndexOf([.. Enumerable.Range(1, 200).Select(i => Listing(i, $"ระบบข้อมูลสุขภาพ {i}"))]);

        Parallel.For(0, 400, i =>
        {
            if (i % 10 == 0)
            {
                index.Upsert(Listing(1000 + i, "ระบบข้อมูลใหม่"));
                index.Refresh();
            }

            Assert.True(index.Search(new SearchRequest("ข้อมูล")).Total >= 200);
        });
    }

    [Fact]
    public void Using_a_disposed_index_fails_clearly_and_disposing_twice_is_harmless()
    {
        var index = SolutionIndex.Open(folder);
        index.Dispose();
        index.Dispose();

        Assert.Throws<ObjectDisposedException>(() => index.Search(new SearchRequest("x")));
    }

    private void CreateIndexWithListings()
    {
        using var index = SolutionIndex.Open(folder);
        index.Rebuild(Enumerable.Range(1, 300).Select(i => Listing(i, $"ระบบข้อมูลสุขภาพหมายเลข {i}",
            descriptionTh: string.Concat(Enumerable.Repeat("รายละเอียดของบริการสำหรับประชาชน ", 20)))), sequence: 3);
    }

    private IEnumerable<string> IndexFiles() =>
        Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).Equals("write.lock", StringComparison.Ordinal));

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        private readonly System.Threading.Lock gate = new();

        public void Report(int value)
        {
            lock (gate)
            {
                report(value);
            }
        }
    }
}
