using System.Net;
using System.Text.RegularExpressions;

namespace Marketplace.Web.Tests.Support;

/// <summary>
/// An HTTP client that behaves like a person's browser without JavaScript: keeps cookies, follows no
/// redirects by itself (tests assert them), and posts forms with the antiforgery token the page carried.
/// </summary>
public sealed partial class Visitor(HttpClient client) : IDisposable
{
    public const string DemoPassword = "Demo#2026-Marketplace";

    public HttpClient Http => client;

    public static Visitor For(MarketplaceFactory factory) =>
        new(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Loads the form's page, then posts the fields with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, IDictionary<string, string> fields, string? actionUrl = null)
    {
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await AntiforgeryTokenOfAsync(pageUrl) };
        return await client.PostAsync(actionUrl ?? pageUrl, new FormUrlEncodedContent(body));
    }

    /// <summary>Like <see cref="PostFormAsync"/>, as multipart/form-data with one uploaded file.</summary>
    public async Task<HttpResponseMessage> PostFormWithFileAsync(string pageUrl, IDictionary<string, string> fields, UploadedFile file, string? actionUrl = null)
    {
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            body.Add(new StringContent(value), name);
        body.Add(new StringContent(await AntiforgeryTokenOfAsync(pageUrl)), "__RequestVerificationToken");
        var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
        body.Add(content, file.FieldName, file.FileName);
        return await client.PostAsync(actionUrl ?? pageUrl, body);
    }

    public async Task SignInAsync(string email, string password = DemoPassword)
    {
        using var response = await PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed with {response.StatusCode}");
    }

    public void Dispose() => client.Dispose();

    private async Task<string> AntiforgeryTokenOfAsync(string pageUrl)
    {
        var (_, html) = await GetAsync(pageUrl);
        var token = AntiforgeryToken().Match(html);
        return token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {pageUrl}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>A file as a browser uploads it: the name and content type are whatever the sender claims.</summary>
public sealed record UploadedFile(string FieldName, string FileName, string ContentType, byte[] Bytes);
