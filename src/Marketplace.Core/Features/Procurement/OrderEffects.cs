using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Procurement;
using Marketplace.Core.Features.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Procurement;

/// <summary>What follows an order's transitions: both sides told in their own language, receipts numbered.</summary>
public sealed class OrderEffects(MarketplaceDbContext db, Notifier notifier, IClock clock)
{
    /// <param name="what">What happened, as interface text: a key of "Mail.Order.*" and its arguments.</param>
    public async Task TellBothAsync(Order order, TextArg what, CancellationToken ct)
    {
        var message = Notice.Of("Mail.Order", [TextArg.Plain(order.Number), what], what,
            TextArg.Bilingual(order.Package.ListingTitleTh, order.Package.ListingTitleEn), TextArg.Bilingual(order.Package.NameTh, order.Package.NameEn),
            TextArg.Money(order.TotalSatang));
        var link = $"/orders/{order.Id}";
        await notifier.NotifyOrganisationAsync(order.AgencyId, message, link, ct);
        await notifier.NotifyOrganisationAsync(order.VendorId, message, link, ct);
    }

    /// <summary>Marks the order paid, then records the payment as <see cref="PaymentReceivedAsync"/> does.</summary>
    public async Task PaidAsync(Order order, Payment payment, CancellationToken ct)
    {
        order.MarkPaid(clock.Now);
        await PaymentReceivedAsync(order, payment, ct);
    }

    /// <summary>For an order just made Paid: records the one payment, issues the receipt / tax invoice and tells both sides.</summary>
    public async Task PaymentReceivedAsync(Order order, Payment payment, CancellationToken ct)
    {
        db.Payments.Add(payment);
        await TaxInvoiceNumbers.IssueAsync(db, order, clock.Now, ct);
        await TellBothAsync(order, TextArg.Of("Mail.Order.Paid"), ct);
    }
}

/// <summary>Receipt / tax invoice numbers: gap-free per seller.</summary>
internal static class TaxInvoiceNumbers
{
    /// <summary>
    /// Takes the seller's next number with one UPDATE in the caller's transaction: the row stays locked until commit
    /// (SQLite serialises writers; PostgreSQL locks the row), so two payments never share a number and a rollback
    /// gives the number back. The unique (Sequence, Number) index is the last line of defence.
    /// </summary>
    public static async Task IssueAsync(MarketplaceDbContext db, Order order, DateTimeOffset now, CancellationToken ct)
    {
        var key = TaxInvoice.SequenceFor(order.VendorId);
        if (await NextAsync(db, key, ct) == 0)
        {
            db.DocumentSequences.Add(new DocumentSequence(key));
            await db.SaveChangesAsync(ct);
            await NextAsync(db, key, ct);
        }
        var number = await db.DocumentSequences.AsNoTracking().Where(s => s.Key == key).Select(s => s.Last).SingleAsync(ct);
        db.TaxInvoices.Add(new TaxInvoice(order.Id, key, number, order.TotalSatang, now));
    }

    private static Task<int> NextAsync(MarketplaceDbContext db, string key, CancellationToken ct) =>
        db.DocumentSequences.Where(s => s.Key == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last + 1), ct);
}
