using Marketplace.Core.Features.Accounts;

namespace Marketplace.Web.Infrastructure.Security;

/// <summary>
/// Links in e-mails: from <c>Marketplace:PublicUrl</c> when set (production), otherwise from the current
/// request, whose Host header host filtering (<c>AllowedHosts</c>) has already limited to our own names.
/// </summary>
public sealed class RequestSiteLinks(IHttpContextAccessor accessor, IConfiguration configuration) : ISiteLinks
{
    public string Absolute(string pathAndQuery)
    {
        var configured = configuration["Marketplace:PublicUrl"];
        var request = accessor.HttpContext?.Request;
        var root = !string.IsNullOrWhiteSpace(configured) ? configured
            : request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : "http://localhost:5000";
        return root.TrimEnd('/') + pathAndQuery;
    }
}
