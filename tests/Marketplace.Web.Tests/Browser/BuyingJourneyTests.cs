using Marketplace.Web.Tests.Support;

namespace Marketplace.Web.Tests.Browser;

public sealed class BuyingJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_buyer_buys_a_package_through_the_simulated_checkout_sees_the_tax_invoice_and_the_purchase_in_the_register()
    {
        var buyer = await fixture.NewPageAsync();
        await buyer.SignInAsync("buyer@demo.govtech.example");
        await buyer.GotoAsync("/solutions/hospital-queue-appointment");
        await buyer.ClickAsync("[data-testid=buy-package]");
        await buyer.WaitForURLAsync("**/buy/0");
        await buyer.FillAsync("#Input_BillingAddress", "80 ถนนแจ้งวัฒนะ แขวงทุ่งสองห้อง เขตหลักสี่ กรุงเทพมหานคร 10210");
        await buyer.CheckAsync(fixture, "buying-01-order-form");
        await buyer.ClickAsync("[data-testid=place-order]");

        await buyer.WaitForURLAsync("**/payments/simulated/**");
        Assert.Contains("ไม่มีการชำระเงินจริง", await buyer.InnerTextAsync("[data-testid=simulated-banner]"));
        await buyer.CheckAsync(fixture, "buying-02-simulated-checkout");
        await buyer.ClickAsync("[data-testid=simulate-promptpay]");

        await buyer.WaitForURLAsync("**/paid");
        Assert.Equal("ชำระเงินแล้ว", (await buyer.InnerTextAsync("[data-testid=order-state]")).Trim());
        var number = (await buyer.TitleAsync()).Split(' ')[1];
        await buyer.CheckAsync(fixture, "buying-03-order-paid");
        await buyer.ClickAsync("[data-testid=receipt-link]");
        await buyer.WaitForURLAsync("**/receipt");
        var invoice = await buyer.InnerTextAsync("[data-testid=tax-invoice]");
        Assert.Contains("ใบเสร็จรับเงิน/ใบกำกับภาษี", invoice);
        Assert.Equal("5,887.85", (await buyer.InnerTextAsync("[data-testid=vat]")).Trim());
        Assert.Equal("0105561048219", (await buyer.InnerTextAsync("[data-testid=seller-tax-id]")).Trim());
        await buyer.CheckAsync(fixture, "buying-04-tax-invoice");

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/purchases");
        Assert.Contains("ระบบนัดหมายและคิวโรงพยาบาลออนไลน์", await visitor.InnerTextAsync("[data-testid=purchases]"));
        await visitor.CheckAsync(fixture, "buying-05-register");
        var api = await visitor.APIRequest.GetAsync("/api/purchases?pageSize=100");
        Assert.Contains(number, await api.TextAsync());
    }
}
