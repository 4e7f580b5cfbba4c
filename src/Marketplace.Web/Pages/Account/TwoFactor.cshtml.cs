using Marketplace.Core.Domain;
using Marketplace.Core.Features.Accounts;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace Marketplace.Web.Pages.Account;

/// <summary>
/// Enrol an authenticator app: scan the QR code (served as a PNG by this page, so no inline script or data: URL is needed)
/// or type the key, then confirm with a code. Recovery codes are shown once, right after.
/// Moderators and admins are sent here by the <see cref="Infrastructure.Security.AccountGate"/> until they enrol.
/// </summary>
[Authorize]
public sealed class TwoFactorModel(IMediator mediator, SignInManager<AppUser> signIn) : MediatorPage(mediator)
{
    public TwoFactor.SetupView Setup { get; private set; } = null!;
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    [BindProperty] public TwoFactor.Enable Input { get; set; } = new();
    [BindProperty] public TwoFactor.Disable DisableInput { get; set; } = new();

    public async Task OnGetAsync() => Setup = await Mediator.Send(new TwoFactor.Setup(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetQrAsync()
    {
        var setup = await Mediator.Send(new TwoFactor.Setup(), HttpContext.RequestAborted);
        using var data = QRCodeGenerator.GenerateQrCode(setup.AuthenticatorUri, QRCodeGenerator.ECCLevel.M);
        Response.Headers.CacheControl = "no-store";
        return File(new PngByteQRCode(data).GetGraphic(5), "image/png");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, codes) = await TrySendAsync(Input);
        if (ok)
        {
            await RefreshAsync();
            RecoveryCodes = codes!;
        }
        Setup = await Mediator.Send(new TwoFactor.Setup(), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        var (ok, codes) = await TrySendAsync(new TwoFactor.NewRecoveryCodes());
        if (ok)
            RecoveryCodes = codes!;
        Setup = await Mediator.Send(new TwoFactor.Setup(), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var (ok, _) = await TrySendAsync(DisableInput, nameof(DisableInput));
        if (ok)
        {
            await RefreshAsync();
            return RedirectToPage();
        }
        Setup = await Mediator.Send(new TwoFactor.Setup(), HttpContext.RequestAborted);
        return Page();
    }

    private async Task RefreshAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } me)
            await signIn.RefreshSignInAsync(me);
    }
}
