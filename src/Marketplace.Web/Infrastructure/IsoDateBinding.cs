using System.Globalization;
using Marketplace.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Binds &lt;input type="date"&gt; values ("2026-06-30", always Gregorian ISO) into DateOnly. The default binder parses
/// with the request culture, and th-TH's Buddhist calendar would turn 2026 into the Gregorian year 1483.
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
            if (DateOnly.TryParseExact(value.FirstValue.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                context.Result = ModelBindingResult.Success(date);
            else
                context.ModelState.TryAddModelError(context.ModelName, Bi.T("กรอกวันที่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)", "Enter the date as yyyy-mm-dd"));
            return Task.CompletedTask;
        }
    }
}
