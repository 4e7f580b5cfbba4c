using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Marketplace.Search.Tests;

/// <summary>A small in-memory index of whitespace-split texts under a stored id, for tests of per-segment query parts.</summary>
public abstract class WhitespaceIndex : IDisposable
{
    protected WhitespaceIndex()
    {
        Writer = new IndexWriter(Directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)));
    }

    protected RAMDirectory Directory { get; } = new();

    protected IndexWriter Writer { get; }

    public void Dispose()
    {
        Writer.Dispose();
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }

    protected void Add(string id, string text) =>
        Writer.AddDocument([new StringField("id", id, Field.Store.YES), new TextField("text", text, Field.Store.NO)]);
}
