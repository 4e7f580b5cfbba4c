using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Admin;

/// <summary>
/// The configuration the site runs with, for an admin checking a deployment. Anything that could be a
/// secret is masked by its name, so a new secret setting is hidden without anyone remembering to list it.
/// </summary>
[Authorize(Roles = Core.Common.Roles.Admin)]
public sealed class SettingsModel(IConfiguration configuration, IWebHostEnvironment environment) : PageModel
{
    private static readonly string[] SecretWords = ["key", "secret", "password", "connectionstring", "token", "pwd"];

    /// <summary>Settings from the app's own sections, not the whole process environment.</summary>
    private static readonly string[] Sections = ["Marketplace", "ConnectionStrings", "Logging", "AllowedHosts", "Kestrel", "Stripe", "Smtp", "Email", "Identity"];

    public string EnvironmentName => environment.EnvironmentName;
    public IReadOnlyList<(string Key, string Value)> Settings { get; private set; } = [];

    public void OnGet() => Settings = configuration.AsEnumerable()
        .Where(s => s.Value is not null && Sections.Any(section => s.Key.Equals(section, StringComparison.OrdinalIgnoreCase)
            || s.Key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)))
        .Select(s => (s.Key, IsSecret(s.Key) ? "••••••" : s.Value!))
        .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).ToList();

    public static bool IsSecret(string key) =>
        key.Split(':').Any(part => SecretWords.Any(word => part.Replace("_", "", StringComparison.Ordinal).Contains(word, StringComparison.OrdinalIgnoreCase)));
}
