using System.Text.Json;
using Marketplace.Core.Features.Accounts;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Account;

/// <summary>/account: the person's name and e-mail language, links to the security settings, and their PDPA rights.</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : MediatorPage(mediator)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public MyAccount.View Account { get; private set; } = null!;
    [BindProperty] public UpdateAccount.Command Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Account = await Mediator.Send(new MyAccount.Query(), HttpContext.RequestAborted);
        Input = new UpdateAccount.Command { DisplayName = Account.DisplayName, Language = Account.Language };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        if (!ok)
        {
            Account = await Mediator.Send(new MyAccount.Query(), HttpContext.RequestAborted);
            return Page();
        }
        Message = Core.Common.Texts.Get("Pages.Account.Index.Saved");
        return RedirectToPage();
    }

    /// <summary>Download my data: everything held about the person, as a JSON file.</summary>
    public async Task<IActionResult> OnGetDataAsync()
    {
        var data = await Mediator.Send(new ExportMyData.Query(), HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", $"my-data-{data.ExportedAt:yyyyMMdd}.json");
    }
}
