using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Messaging;

/// <summary>
/// One argument of a text rendered later, in the reader's language. Exactly one kind is set: user content that reads
/// the same in every language (<see cref="Text"/>); content written in both languages, English where it exists
/// (<see cref="Th"/>/<see cref="En"/>, e.g. a title); interface text (<see cref="Key"/> with its own arguments: a
/// state, a field label, "Weighted total"); a Thai-time day; an amount in satang; a number; a path on the site
/// (made absolute in e-mails); or lines of such arguments.
/// </summary>
public sealed record TextArg
{
    public string? Text { get; init; }
    public string? Th { get; init; }
    public string? En { get; init; }
    public string? Key { get; init; }
    public IReadOnlyList<TextArg>? Args { get; init; }
    public IReadOnlyList<TextArg>? Lines { get; init; }
    public DateTimeOffset? Day { get; init; }
    public long? Satang { get; init; }
    public decimal? Number { get; init; }
    public string? Path { get; init; }

    public static TextArg Plain(string? text) => new() { Text = text ?? "" };

    public static TextArg Bilingual(string thai, string? english) => new() { Th = thai, En = english };

    /// <summary>Interface text; the key must exist, so a typo fails the first test that sends the message.</summary>
    public static TextArg Of(string key, params TextArg[] args) =>
        new() { Key = Notice.RequireKey(key), Args = args.Length == 0 ? null : args };

    public static TextArg OnDay(DateTimeOffset at) => new() { Day = at };

    public static TextArg Money(long satang) => new() { Satang = satang };

    public static TextArg Decimal(decimal number) => new() { Number = number };

    public static TextArg Link(string pathAndQuery) => new() { Path = pathAndQuery };

    public static TextArg LinesOf(IEnumerable<TextArg> lines) => new() { Lines = lines.ToList() };

    /// <summary>Items shown on one line, separated by commas.</summary>
    public static TextArg ListOf(IEnumerable<TextArg> items) => new() { Lines = items.ToList(), Separator = ", " };

    /// <summary>Between <see cref="Lines"/>: a new line unless set.</summary>
    public string? Separator { get; init; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TextArg FromJson(string json) => JsonSerializer.Deserialize<TextArg>(json, Json) ?? Plain("");
}

/// <summary>
/// A message stored as a template, not as finished text, so each reader gets it in the language they read when it
/// is shown or sent: resource keys <c>Key.Subject</c> and <c>Key.Body</c>, each with its own arguments ({0}, {1}…).
/// </summary>
public sealed record Notice(string Key, IReadOnlyList<TextArg> Subject, IReadOnlyList<TextArg> Body)
{
    /// <summary>Both resource keys must exist (in the default language; the resource parity test covers the others).</summary>
    public static Notice Of(string key, IReadOnlyList<TextArg> subject, params TextArg[] body)
    {
        RequireKey(key + ".Subject");
        RequireKey(key + ".Body");
        return new Notice(key, subject, body);
    }

    internal static string RequireKey(string key) =>
        Texts.Resources.GetString(key, CultureInfo.InvariantCulture) is null
            ? throw new KeyNotFoundException($"No interface text with the key '{key}' in SharedText.resx") : key;

    /// <summary>The arguments as stored in the database.</summary>
    public string ArgumentsJson() => JsonSerializer.Serialize(new Stored(Subject, Body), TextArg.Json);

    public static Notice FromStored(string key, string argumentsJson)
    {
        var stored = JsonSerializer.Deserialize<Stored>(argumentsJson, TextArg.Json) ?? new Stored([], []);
        return new Notice(key, stored.Subject ?? [], stored.Body ?? []);
    }

    private sealed record Stored(IReadOnlyList<TextArg>? Subject, IReadOnlyList<TextArg>? Body);
}
