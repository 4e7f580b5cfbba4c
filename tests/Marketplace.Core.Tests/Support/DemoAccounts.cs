namespace Marketplace.Core.Tests.Support;

/// <summary>The demo accounts documented in seed-data/README.md.</summary>
public static class DemoAccounts
{
    public const string Vendor = "vendor@demo.govtech.example";
    public const string VendorEnglish = "vendor-en@demo.govtech.example";
    public const string PendingVendor = "pending-vendor@demo.govtech.example";
    public const string Buyer = "buyer@demo.govtech.example";
    public const string Moderator = "moderator@demo.govtech.example";
    public const string Admin = "admin@demo.govtech.example";
}
