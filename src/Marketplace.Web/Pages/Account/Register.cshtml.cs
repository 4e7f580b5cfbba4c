using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Organisations;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Account;

[Infrastructure.Security.RateLimited("registration")]
public sealed class RegisterModel(IMediator mediator, MarketplaceDbContext db) : MediatorPage(mediator)
{
    [BindProperty] public RegisterAccount.Command Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task OnGetAsync(AccountType type = AccountType.Startup)
    {
        Input.AccountType = type;
        Input.Language = Core.Common.Bi.IsThai ? "th" : "en";
        await LoadChoicesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        if (!ok)
        {
            await LoadChoicesAsync();
            return Page();
        }
        // The same answer whether the address was new or already had an account (which was told by e-mail instead);
        // nobody is signed in until they have confirmed the address.
        return LocalRedirect("/account/check-email");
    }

    private async Task LoadChoicesAsync()
    {
        Provinces = await Choices.ProvincesAsync(db, HttpContext.RequestAborted);
        var existing = await db.Organisations.AsNoTracking().Where(o => o.Kind == Input.Kind && o.Verification == VerificationState.Verified)
            .OrderBy(o => o.NameTh).Select(o => new { o.Id, o.NameTh, o.NameEn }).ToListAsync();
        Organisations = [new SelectListItem(Input.Kind == OrganisationKind.Agency ? Core.Common.Texts.Get("Pages.Account.Register.RegisterANewAgency")
                : Core.Common.Texts.Get("Pages.Account.Register.RegisterANewCompany"), ""),
            .. existing.Select(a => new SelectListItem(Core.Common.Bi.Pick(a.NameTh, a.NameEn), a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }
}
