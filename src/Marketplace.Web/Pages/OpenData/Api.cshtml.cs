using Marketplace.Web.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marketplace.Web.Pages.OpenData;

/// <summary>
/// /open-data/api: the OpenAPI document rendered as a plain page on the server (no script, nothing from a CDN), so the
/// reference and <see cref="OpenApiDescription.DocumentPath"/> can never disagree.
/// </summary>
public sealed class ApiModel([FromKeyedServices(OpenApiDescription.DocumentName)] IOpenApiDocumentProvider documents) : PageModel
{
    public sealed record Operation(string Path, string Anchor, string Method, string? Summary, string? Description, IReadOnlyList<Parameter> Parameters);

    public sealed record Parameter(string Name, string In, string? Type, string? Description);

    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var document = await documents.GetOpenApiDocumentAsync(HttpContext.RequestAborted);
        Operations = (document.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => new Operation(path.Key, Anchor(path.Key), op.Key.Method.ToUpperInvariant(),
                op.Value.Summary, op.Value.Description,
                (op.Value.Parameters ?? []).Select(p => new Parameter(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "",
                    p.Schema?.Type?.ToString().ToLowerInvariant(), p.Description)).ToList())))
            .OrderBy(o => o.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"/api/awards" → "api-awards", "/awards.csv" → "awards-csv": the fragments /open-data links to.</summary>
    public static string Anchor(string path) => path.Trim('/').Replace('/', '-').Replace('.', '-');
}
