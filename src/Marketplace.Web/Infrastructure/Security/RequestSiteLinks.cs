using Marketplace.Core.Features.Accounts;

namespace Marketplace.Web.Infrastructure.Security;

/// <summary>Absolute links in e-mails, from <see cref="SiteAddress"/> (<c>Marketplace:PublicBaseUrl</c> when set).</summary>
public sealed class RequestSiteLinks(IHttpContextAccessor accessor, IConfiguration configuration) : ISiteLinks
{
    public string Absolute(string pathAndQuery)
    {
        var request = accessor.HttpContext?.Request;
        var root = request is not null ? SiteAddress.Of(request)
            : configuration[SiteAddress.Setting] is { Length: > 0 } configured ? configured
            : "http://localhost:5000";
        return root.TrimEnd('/') + pathAndQuery;
    }
}
