namespace Marketplace.Core.Domain.Procurement;

/// <summary>
/// The receipt / tax invoice (ใบเสร็จรับเงิน/ใบกำกับภาษี) for a paid order. The seller issues it, so numbers run per
/// seller: (Sequence, Number) is unique, and numbers are taken from <see cref="DocumentSequence"/> in the same
/// transaction as the payment, so a rolled-back payment leaves no gap.
/// </summary>
public sealed class TaxInvoice
{
    public const decimal VatRate = 0.07m;

    private TaxInvoice() { }

    public TaxInvoice(int orderId, string sequence, long number, long totalSatang, DateTimeOffset issuedAt)
    {
        OrderId = orderId;
        Sequence = sequence;
        Number = number;
        TotalSatang = totalSatang;
        VatSatang = VatIncluded(totalSatang);
        NetSatang = totalSatang - VatSatang;
        IssuedAt = issuedAt;
    }

    public long Id { get; private set; }
    public int OrderId { get; private set; }
    public string Sequence { get; private set; } = "";
    public long Number { get; private set; }
    public long NetSatang { get; private set; }
    public long VatSatang { get; private set; }
    public long TotalSatang { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    public string DisplayNumber => $"TI-{Number:D6}";

    /// <summary>The VAT inside a VAT-inclusive price: total × 7/107, rounded half up to the satang.</summary>
    public static long VatIncluded(long totalSatang) => (totalSatang * 7 * 2 + 107) / (107 * 2);

    public static string SequenceFor(int vendorId) => $"tax-invoice:vendor-{vendorId}";
}

/// <summary>A named counter. Incremented with one UPDATE inside the caller's transaction, which locks it until commit.</summary>
public sealed class DocumentSequence
{
    private DocumentSequence() { }

    public DocumentSequence(string key) => Key = key;

    public string Key { get; private set; } = "";
    public long Last { get; private set; }
}

/// <summary>What a vendor's tax invoices must carry besides its name and juristic number.</summary>
public sealed class VendorInvoicing
{
    private VendorInvoicing() { }

    public VendorInvoicing(int organisationId, string address, string branch, DateTimeOffset now)
    {
        OrganisationId = organisationId;
        Update(address, branch, now);
    }

    public int OrganisationId { get; private set; }
    public string Address { get; private set; } = "";

    /// <summary>"สำนักงานใหญ่" (head office) or a five-digit branch number, as the Revenue Department asks.</summary>
    public string Branch { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Update(string address, string branch, DateTimeOffset now)
    {
        Address = address.Trim();
        Branch = branch.Trim();
        UpdatedAt = now;
    }
}
