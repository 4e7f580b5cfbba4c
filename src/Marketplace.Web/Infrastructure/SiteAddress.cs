namespace Marketplace.Web.Infrastructure;

/// <summary>
/// The site's absolute address for links that leave the page (e-mails, API <c>url</c>s, OCDS): <c>Marketplace:PublicBaseUrl</c>
/// when set, as in production, so a link never depends on the Host header a client sent; otherwise the current request's
/// (host filtering, <c>AllowedHosts</c>, has already limited it to our own names).
/// </summary>
public static class SiteAddress
{
    public const string Setting = "Marketplace:PublicBaseUrl";

    public static string Of(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetService<IConfiguration>()?[Setting];
        return !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
