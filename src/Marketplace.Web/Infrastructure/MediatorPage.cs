using Marketplace.Core.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// A page that sends requests through the mediator. Validation errors and refused transitions become
/// messages next to the fields (keyed "Input.Field"); 403 and 404 are left to <see cref="OutcomeExceptionFilter"/>.
/// </summary>
public abstract class MediatorPage(IMediator mediator) : PageModel
{
    protected IMediator Mediator { get; } = mediator;

    /// <returns>The result, or default when the request was refused with messages now in ModelState.</returns>
    protected async Task<(bool Ok, T? Result)> TrySendAsync<T>(IRequest<T> request, string prefix = "Input")
    {
        try
        {
            return (true, await Mediator.Send(request, HttpContext.RequestAborted));
        }
        catch (InvalidRequestException invalid)
        {
            foreach (var error in invalid.Errors)
                ModelState.AddModelError(error.Field.Length == 0 ? "" : $"{prefix}.{error.Field}", error.Message);
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError("", refused.Message);
        }
        return (false, default);
    }
}
