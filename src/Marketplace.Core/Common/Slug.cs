using System.Text;

namespace Marketplace.Core.Common;

/// <summary>Readable ASCII URL segments ("siam-health-link") made from English names.</summary>
public static class Slug
{
    public static string From(string? text, string fallback)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? "").ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > 60)
            slug = slug[..60].TrimEnd('-');
        return slug.Length >= 3 ? slug : fallback;
    }

    /// <summary>Appends -2, -3… until <paramref name="taken"/> says the slug is free.</summary>
    public static async Task<string> UniqueAsync(string slug, Func<string, Task<bool>> taken)
    {
        var candidate = slug;
        for (var n = 2; await taken(candidate); n++)
            candidate = $"{slug}-{n}";
        return candidate;
    }
}
