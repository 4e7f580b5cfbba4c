using Marketplace.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Status;

/// <summary>Friendly status pages in both languages: re-executed by the status-code and exception middleware.</summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Code = code;
        (Heading, Explanation) = code switch
        {
            400 => (Bi.T("คำขอไม่ถูกต้อง", "Bad request"),
                Bi.T("ระบบไม่เข้าใจคำขอนี้ หากส่งแบบฟอร์ม ให้โหลดหน้าใหม่แล้วลองอีกครั้ง", "The request could not be understood. If you sent a form, reload the page and try again.")),
            403 => (Bi.T("คุณไม่มีสิทธิ์เข้าถึงหน้านี้", "You do not have access to this page"),
                Bi.T("บัญชีของคุณไม่มีสิทธิ์ดูหรือแก้ไขสิ่งนี้ หากคิดว่าเป็นความผิดพลาด โปรดติดต่อเจ้าหน้าที่ NIA", "Your account cannot view or change this. If you think this is a mistake, contact NIA staff.")),
            404 => (Bi.T("ไม่พบหน้านี้", "Page not found"),
                Bi.T("ตรวจสอบที่อยู่เว็บอีกครั้ง หรือกลับไปหน้าแรก", "Check the web address, or go back to the home page.")),
            429 => (Bi.T("คำขอมากเกินไป", "Too many requests"),
                Bi.T("คุณส่งคำขอถี่เกินไป โปรดรอสักครู่แล้วลองใหม่", "You sent too many requests. Wait a little and try again.")),
            503 when Infrastructure.Health.SearchRepairResponses.IsSearchRepair(HttpContext) => (Bi.T("ระบบค้นหากำลังซ่อมแซม", "Search is being repaired"),
                Bi.T("กำลังสร้างดัชนีค้นหาใหม่จากฐานข้อมูล ไม่มีข้อมูลใดสูญหาย โปรดลองค้นหาอีกครั้งในอีกสักครู่", "The search index is being rebuilt from the database. Nothing is lost; please search again in a minute.")),
            _ when code >= 500 => (Bi.T("ขออภัย ระบบขัดข้อง", "Sorry, something went wrong"),
                Bi.T("ข้อมูลของคุณไม่สูญหาย โปรดลองอีกครั้งในอีกสักครู่", "Nothing you saved was lost. Please try again in a moment.")),
            _ => (Bi.T("เกิดข้อผิดพลาด", "Something went wrong"), Bi.T("โปรดลองอีกครั้ง", "Please try again.")),
        };
        // Only when reached directly (/status/404) does this page choose its own code; re-executed requests keep theirs.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null)
            Response.StatusCode = code is >= 400 and < 600 ? code : 404;
    }
}
