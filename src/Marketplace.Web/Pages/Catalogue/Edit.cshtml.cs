using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Marketplace.Web.Pages.Catalogue;

/// <summary>A vendor writes or edits a listing, sees the quality checklist, and submits it for review.</summary>
[Authorize(Roles = Core.Common.Roles.Vendor)]
public sealed class EditModel(IMediator mediator, MarketplaceDbContext db) : MediatorPage(mediator)
{
    [BindProperty] public SaveListing.Command Input { get; set; } = new();
    [BindProperty] public IFormFile? LogoFile { get; set; }
    public IReadOnlyList<QualityCheck> Checklist { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];
    public MyListings.Item? State { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(int? id)
    {
        Input = id is null ? new SaveListing.Command() : await Mediator.Send(new SaveListing.Query(id.Value));
        Input.Listing.PadPackageRows();
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id)
    {
        Input.ListingId = id;
        if (LogoFile is { Length: > 0 })
        {
            if (LogoFile.Length > ListingLogo.MaxBytes)
                ModelState.AddModelError("Input.Logo", ListingLogo.TooLarge(LogoFile.Length));
            else
            {
                using var buffer = new MemoryStream();
                await LogoFile.CopyToAsync(buffer);
                Input.Logo = buffer.ToArray();
            }
        }
        if (ModelState.ErrorCount == 0)
        {
            var (ok, result) = await TrySendAsync(Input);
            if (ok)
            {
                Message = Core.Common.Texts.Get("Pages.Catalogue.Edit.SavedCheckTheQualityChecklistBelow");
                return RedirectToPage(new { id = result!.ListingId });
            }
        }
        Input.Listing.PadPackageRows();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id)
    {
        var (ok, _) = await TrySendAsync(new SubmitListing.Command(id));
        if (ok)
        {
            Message = Core.Common.Texts.Get("Pages.Catalogue.Edit.SentToNIASModeratorsFor");
            return RedirectToPage("Mine");
        }
        Input = await Mediator.Send(new SaveListing.Query(id));
        Input.Listing.PadPackageRows();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id)
    {
        await Mediator.Send(new WithdrawListing.Command(id));
        Message = Core.Common.Texts.Get("Pages.Catalogue.Edit.TheListingIsWithdrawnFromThe");
        return RedirectToPage("Mine");
    }

    private async Task LoadAsync()
    {
        Provinces = (await Choices.ProvincesAsync(db, HttpContext.RequestAborted)).Skip(1).ToList();
        if (Input.ListingId is { } id)
        {
            Checklist = await Mediator.Send(new SubmitListing.Checklist(id));
            State = (await Mediator.Send(new MyListings.Query())).Items.SingleOrDefault(i => i.Id == id);
        }
    }
}
