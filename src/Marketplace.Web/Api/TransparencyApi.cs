using System.Text.Json;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Features.Transparency.Ocds;
using Marketplace.Web.Infrastructure;
using MediatR;

namespace Marketplace.Web.Api;

/// <summary>
/// The open data of issue 5, documented in docs/open-data.md: public challenges, the award register as JSON and
/// CSV, and the OCDS release package. Everything here is public and read-only.
/// </summary>
public static class TransparencyApi
{
    private const string ProblemType = "https://tools.ietf.org/html/rfc9110#section-15.5.1";

    public static void MapTransparencyApi(this WebApplication app)
    {
        app.MapGet("/api/challenges", async (HttpContext http, IMediator mediator, string? status, string? page, string? pageSize) =>
        {
            var problems = new Dictionary<string, string[]>();
            PublicChallenges.Status? wanted = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (PublicChallenges.TryParseStatus(status, out var parsed))
                    wanted = parsed;
                else
                    problems["status"] = [Texts.Get("Api.TransparencyApi.StatusMustBeOneOfPublished")];
            }
            var paging = Paging.Parse(page, pageSize, PublicChallenges.MaxPageSize, problems);
            if (problems.Count > 0)
                return Results.ValidationProblem(problems, title: "The parameters are not valid", type: ProblemType);
            var result = await mediator.Send(new PublicChallenges.Query(wanted, paging.Page, paging.PageSize), http.RequestAborted);
            return Results.Json(TransparencyJson.Challenges(result, SiteUrl(http)));
        });

        app.MapGet("/api/awards", async (HttpContext http, IMediator mediator, MarketplaceDbContext db, ReferenceData reference, [AsParameters] AwardParameters parameters) =>
        {
            var (query, problems) = await parameters.ValidateAsync(db, reference, http.RequestAborted);
            if (query is null)
                return Results.ValidationProblem(problems, title: "The parameters are not valid", type: ProblemType);
            var result = await mediator.Send(query, http.RequestAborted);
            return Results.Json(TransparencyJson.Awards(result, SiteUrl(http)));
        });

        app.MapGet("/awards.csv", async (HttpContext http, IMediator mediator, MarketplaceDbContext db, ReferenceData reference, [AsParameters] AwardParameters parameters) =>
        {
            var (query, problems) = await parameters.ValidateAsync(db, reference, http.RequestAborted);
            if (query is null)
                return Results.ValidationProblem(problems, title: "The parameters are not valid", type: ProblemType);
            var register = await mediator.Send(query with { Everything = true }, http.RequestAborted);
            return Results.Stream(body => AwardsCsv.WriteToAsync(body, register.Items), SafeCsv.ContentType, "awards.csv");
        });

        app.MapGet("/api/ocds/releases", async (HttpContext http, IMediator mediator) =>
        {
            var package = await mediator.Send(new OcdsReleasePackage.Query(SiteUrl(http)), http.RequestAborted);
            // Written as the releases are read, a batch at a time (the serialiser flushes as its buffer fills); a client
            // that goes away cancels the reading.
            return Results.Stream(body => JsonSerializer.SerializeAsync(body, package, OcdsJson.Options, http.RequestAborted), "application/json");
        });
    }

    private static string SiteUrl(HttpContext http) => SiteAddress.Of(http.Request);
}

/// <summary>page and pageSize as the open-data endpoints accept them; each problem names its parameter.</summary>
internal readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;

    public static Paging Parse(string? page, string? pageSize, int maxPageSize, Dictionary<string, string[]> problems)
    {
        var number = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, out number) || number < 1 || number > 10_000))
            problems["page"] = [Texts.Get("Api.TransparencyApi.PageMustBeANumberFrom")];
        var size = DefaultPageSize;
        if (!string.IsNullOrEmpty(pageSize) && (!int.TryParse(pageSize, out size) || size < 1 || size > maxPageSize))
            problems["pageSize"] = [Texts.Get("Api.TransparencyApi.PageSizeMustBeBetweenAnd", maxPageSize)];
        return new Paging(number, size);
    }
}
