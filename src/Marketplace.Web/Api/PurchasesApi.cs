using System.Globalization;
using Marketplace.Core.Common;
using Marketplace.Core.Features.Transparency;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Payments;
using MediatR;
using Domain = Marketplace.Core.Domain.Procurement;

namespace Marketplace.Web.Api;

/// <summary>
/// The buying side's endpoints: the Stripe webhook, and the public purchase register as JSON (paged, with a total) and
/// CSV (through <see cref="SafeCsv"/>). Documented in docs/open-data.md and the README.
/// </summary>
public static class PurchasesApi
{
    public static readonly string[] CsvColumns = ["order", "agency", "vendor", "solution", "package", "value_thb", "vat_thb", "payment_route", "status", "paid_date"];

    public static void MapProcurement(this WebApplication app)
    {
        app.MapStripeWebhook();

        app.MapGet("/api/purchases", async (HttpContext http, IMediator mediator, string? page, string? pageSize) =>
        {
            var problems = new Dictionary<string, string[]>();
            var paging = Paging.Parse(page, pageSize, PurchaseRegister.MaxPageSize, problems);
            if (problems.Count > 0)
                return Results.ValidationProblem(problems, title: "The parameters are not valid");
            var result = await mediator.Send(new PurchaseRegister.Query(paging.Page, paging.PageSize), http.RequestAborted);
            var site = SiteAddress.Of(http.Request);
            return Results.Json(new
            {
                total = result.Total,
                page = result.Page,
                pageSize = result.PageSize,
                items = result.Items.Select(p => new
                {
                    order = p.Number,
                    agency = new { id = p.Agency.Id, slug = p.Agency.Slug, th = p.Agency.NameTh, en = p.Agency.NameEn },
                    vendor = new { id = p.Vendor.Id, slug = p.Vendor.Slug, th = p.Vendor.NameTh, en = p.Vendor.NameEn },
                    solution = new { slug = p.ListingSlug, url = $"{site}/solutions/{p.ListingSlug}", th = p.ListingTitleTh, en = p.ListingTitleEn },
                    package = new { th = p.PackageNameTh, en = p.PackageNameEn, durationDays = p.DurationDays },
                    valueThb = p.ValueSatang / 100m,
                    vatThb = Domain.TaxInvoice.VatIncluded(p.ValueSatang) / 100m,
                    currency = "THB",
                    paymentRoute = p.Route == Domain.PaymentRoute.Checkout ? "online" : "purchase-order",
                    status = Status(p.State),
                    paidAt = p.PaidAt,
                    paidDate = p.PaidDate,
                }),
            });
        });

        app.MapGet("/purchases.csv", async (HttpContext http, IMediator mediator) =>
        {
            var register = await mediator.Send(new PurchaseRegister.Query(Everything: true), http.RequestAborted);
            return Results.Stream(body => SafeCsv.WriteToAsync(body, csv => WriteCsvRowsAsync(csv, register.Items)), SafeCsv.ContentType, "purchases.csv");
        });
    }

    /// <summary>The rows of /purchases.csv (and of the bulk download's purchases.csv).</summary>
    internal static async Task WriteCsvRowsAsync(CsvHelper.CsvWriter csv, IEnumerable<PurchaseRegister.Purchase> purchases)
    {
        foreach (var column in CsvColumns)
            csv.WriteField(column);
        await csv.NextRecordAsync();
        foreach (var p in purchases)
        {
            csv.WriteField(p.Number);
            csv.WriteField(p.Agency.NameTh);
            csv.WriteField(p.Vendor.NameTh);
            csv.WriteField(p.ListingTitleTh);
            csv.WriteField(p.PackageNameTh);
            csv.WriteField((p.ValueSatang / 100m).ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField((Domain.TaxInvoice.VatIncluded(p.ValueSatang) / 100m).ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(p.Route == Domain.PaymentRoute.Checkout ? "online" : "purchase-order");
            csv.WriteField(Status(p.State));
            csv.WriteField(p.PaidDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
        }
    }

    /// <summary>Stable lower-case codes, whatever the reader's language.</summary>
    public static string Status(Domain.OrderState state) => state switch
    {
        Domain.OrderState.InDelivery => "in-delivery",
        _ => state.ToString().ToLowerInvariant(),
    };
}
