using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// The one place a lost race is turned into something a person understands, for every page: when a save fails
/// because someone else changed the same record since it was loaded (a concurrency token), or inserted the same
/// thing a moment earlier (a unique index: a slug, a second proposal, an invitation), the person is sent back to the
/// page, which now shows the current version, with a notice saying so. Never a 500, never a silent overwrite.
/// </summary>
public sealed class ConcurrencyConflicts(ITempDataDictionaryFactory tempData, ILogger<ConcurrencyConflicts> logger) : IAsyncPageFilter
{
    public const string Key = "ConcurrencyConflict";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is not { } failed || DatabaseErrors.LostRace(failed) is not { } race)
            return;
        logger.LogInformation(failed, "Lost a race ({Race}) saving {Path}; showing the current version", race, context.HttpContext.Request.Path);
        // The kind, not the sentence: the notice is written in the language of the page that shows it.
        tempData.GetTempData(context.HttpContext)[Key] = race.ToString();
        executed.ExceptionHandled = true;
        var request = context.HttpContext.Request;
        // Back to the same address as a GET, without the form's ?handler=: the page loads what is stored now.
        var query = QueryString.Create(request.Query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase)));
        executed.Result = new RedirectResult(request.PathBase + request.Path + query);
    }
}

public static class ConcurrencyConflictsSetup
{
    /// <summary>The notice above the current version, in the person's language.</summary>
    public static string Notice(string kind) => kind == nameof(Race.Duplicate)
        ? Texts.Get("Infrastructure.ConcurrencyConflicts.SomeoneElseSavedTheSameThing")
        : Texts.Get("Infrastructure.ConcurrencyConflicts.SomeoneElseChangedThisBeforeYou");

    public static IServiceCollection AddConcurrencyConflictPages(this IServiceCollection services) =>
        services.Configure<MvcOptions>(options => options.Filters.Add<ConcurrencyConflicts>());
}
