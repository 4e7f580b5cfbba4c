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

    public static string KindLabel(DictionaryKind kind) => kind switch
    {
        DictionaryKind.Abbreviation => Bi.T("คำย่อ", "Abbreviation"),
        DictionaryKind.Variant => Bi.T("การสะกดแบบอื่น", "Spelling variant"),
        DictionaryKind.Glossary => Bi.T("ไทย–อังกฤษ", "Thai–English"),
        DictionaryKind.Topic => Bi.T("ชื่อกลุ่มและประเภทนวัตกรรม", "Sector and category names"),
        _ => Bi.T("ชื่อจังหวัด", "Province names"),
    };

    public async Task OnGetAsync() => View = await Mediator.Send(new SearchDictionaryPage.Query(Try, TryKind, TryTerms));

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        if (!ok)
        {
            View = await Mediator.Send(new SearchDictionaryPage.Query(null, null, null));
            return Page();
        }

        Message = Bi.T("บันทึกแล้ว การค้นหาจะใช้คำนี้ภายในไม่กี่วินาที", "Saved: searches use it within a few seconds");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        await Mediator.Send(new EditSearchDictionary.Remove(id), HttpContext.RequestAborted);
        Message = Bi.T("ลบแล้ว", "Removed");
        return RedirectToPage();
    }
}
