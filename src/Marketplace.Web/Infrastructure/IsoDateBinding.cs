using Marketplace.Core.Domain.Challenges;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Binds date fields into DateOnly the way Thai people type them (<see cref="ChallengeDates.Read"/>): ISO from a date
/// picker, or 30/6/2570; a Buddhist-era year is converted and the person is told. The default binder parsed with the
/// request culture, and th-TH's Buddhist calendar turned 2026 into the Gregorian year 1483.
/// </summary>
public sealed class IsoDateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new IsoDateModelBinder() : null;

    private sealed class IsoDateModelBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var value = context.ValueProvider.GetValue(context.ModelName);
            if (value == ValueProviderResult.None || string.IsNullOrWhiteSpace(value.FirstValue))
                return Task.CompletedTask;
            context.ModelState.SetModelValue(context.ModelName, value);
            var reading = ChallengeDates.Read(value.FirstValue);
            if (reading.Date is { } date)
            {
                context.Result = ModelBindingResult.Success(date);
                if (reading.Notice is not null)
                    DateNotices.Add(context.HttpContext, reading.Notice);
            }
            else
            {
                context.ModelState.TryAddModelError(context.ModelName, reading.Problem!);
            }
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// What the date binder converted, shown once at the top of the next page the person sees (this one, or the one a
/// successful form redirects to), so a Buddhist-era year is never converted silently.
/// </summary>
public sealed class DateNotices : IPageFilter
{
    public const string Key = "DateNotices";

    public static void Add(HttpContext http, string notice)
    {
        if (http.Items[Key] is not List<string> list)
            http.Items[Key] = list = [];
        list.Add(notice);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.HttpContext.Items[Key] is List<string> notices && context.HandlerInstance is Microsoft.AspNetCore.Mvc.RazorPages.PageModel page)
            page.TempData[Key] = string.Join("\n", notices);
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }
}
