namespace Marketplace.Web.Infrastructure;

/// <summary>The site's absolute address for links in e-mails, e.g. "https://marketplace.example".</summary>
public static class SiteAddress
{
    public static string Of(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
