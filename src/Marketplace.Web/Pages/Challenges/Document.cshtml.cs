using Marketplace.Core.Features.Challenges;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Challenges;

/// <summary>Downloads a tender document; the core decides who may read it by the rules of what it belongs to.</summary>
public sealed class DocumentModel(IMediator mediator) : MediatorPage(mediator)
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var file = await Mediator.Send(new TenderDocuments.Download(id), HttpContext.RequestAborted);
        return DocumentResults.Attachment(HttpContext, file.FileName, file.ContentType, file.Bytes);
    }
}
