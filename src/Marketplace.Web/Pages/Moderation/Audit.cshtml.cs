using Marketplace.Core.Common;
using Marketplace.Core.Features.Moderation;
using Marketplace.Core.Localisation;
using Marketplace.Web.Api;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Moderation;

public sealed class AuditModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public bool RefusedOnly { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    public AuditLog.Result Log { get; private set; } = new([], 0, 1, 50);

    /// <summary>The same filters, so the CSV link exports exactly what the page shows.</summary>
    public Dictionary<string, string?> Filters => new()
    {
        ["EntityType"] = EntityType,
        ["EntityId"] = EntityId,
        ["RefusedOnly"] = RefusedOnly ? "true" : null,
        ["From"] = From is { } f ? Dates.Iso(f) : null,
        ["To"] = To is { } t ? Dates.Iso(t) : null,
        ["Actor"] = Actor,
    };

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1) =>
        Log = await mediator.Send(Query(page, 50));

    /// <summary>The filtered trail as CSV (through SafeCsv: a summary starting with "=" stays text), in the page's language.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var log = await mediator.Send(Query(1, AuditLog.MaxExportRows));
        var bytes = await SafeCsv.WriteAsync(async csv =>
        {
            foreach (var header in new[] { "Pages.Moderation.Audit.When", "Pages.Moderation.Audit.Who", "Pages.Moderation.Audit.What",
                "Pages.Moderation.Audit.Entity2", "Pages.Moderation.Audit.Id", "Pages.Moderation.Audit.Summary", "Pages.Moderation.Audit.Refused" })
                csv.WriteField(Texts.Get(header));
            await csv.NextRecordAsync();
            foreach (var row in log.Rows)
            {
                csv.WriteField(Dates.InThailand(row.At).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
                csv.WriteField(row.UserName ?? Texts.Get("Pages.Moderation.Audit.System"));
                csv.WriteField(AuditLabels.Action(row.Action));
                csv.WriteField(AuditLabels.Entity(row.EntityType));
                csv.WriteField(row.EntityId);
                csv.WriteField(row.Summary);
                csv.WriteField(Texts.Get(row.Refused ? "Common.Yes" : "Common.No"));
                await csv.NextRecordAsync();
            }
        });
        return File(bytes, SafeCsv.ContentType, "audit-trail.csv");
    }

    private AuditLog.Query Query(int page, int pageSize) =>
        new(EntityType, EntityId, RefusedOnly, page, pageSize, From, To, Actor);
}
