using Marketplace.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Turns the core's refusals into the status pages a person understands: 403 for forbidden,
/// 404 for missing. The status-code pages middleware then renders them in the person's language.
/// </summary>
public sealed class OutcomeExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        int? status = context.Exception switch
        {
            ForbiddenException { HideExistence: true } => StatusCodes.Status404NotFound,
            ForbiddenException => StatusCodes.Status403Forbidden,
            NotFoundException => StatusCodes.Status404NotFound,
            _ => null,
        };
        if (status is null)
            return;
        context.Result = new StatusCodeResult(status.Value);
        context.ExceptionHandled = true;
    }
}
