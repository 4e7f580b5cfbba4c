using Marketplace.Core.Common;
using Marketplace.Core.Features.Search;
using Marketplace.Search;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Moderation;

/// <summary>
/// Moderators keep the search dictionaries: add, change or remove a line, and try a query first (optionally with a
/// line not yet saved) to see what it would also search for and which listings come back.
/// </summary>
public sealed class SearchDictionaryModel(IMediator mediator) : MediatorPage(mediator)
{
    [BindProperty] public EditSearchDictionary.Save Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Try { get; set; }
    [BindProperty(SupportsGet = true)] public DictionaryKind? TryKind { get; set; }
    [BindProperty(SupportsGet = true)] public string? TryTerms { get; set; }
    [TempData] public string? Message { get; set; }

    public SearchDictionaryPage.Result View { get; private set; } = new([], new Dictionary<DictionaryKind, int>(), null);

    public static string KindLabel(DictionaryKind kind) => Texts.Get(EditSearchDictionary.KindKey(kind));

    public async Task OnGetAsync() => View = await Mediator.Send(new SearchDictionaryPage.Query(Try, TryKind, TryTerms));

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        if (!ok)
        {
            View = await Mediator.Send(new SearchDictionaryPage.Query(null, null, null));
            return Page();
        }

        Message = Texts.Get("Pages.Moderation.SearchDictionary.SavedSearchesUseItWithinA");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        await Mediator.Send(new EditSearchDictionary.Remove(id), HttpContext.RequestAborted);
        Message = Texts.Get("Pages.Moderation.SearchDictionary.Removed");
        return RedirectToPage();
    }
}
