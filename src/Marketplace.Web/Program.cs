using Marketplace.Core;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Documents;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Matching;
using Marketplace.Core.Features.Search;
using Marketplace.Web.Api;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Infrastructure.Health;
using Marketplace.Web.Infrastructure.Security;
using Marketplace.Web.Payments;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection("Marketplace").Get<MarketplaceSettings>() ?? new MarketplaceSettings();
var contentRoot = builder.Environment.ContentRootPath;
var dataFolder = settings.Resolve(contentRoot, settings.DataPath);
Directory.CreateDirectory(dataFolder);
var connectionString = builder.Configuration.GetConnectionString("Marketplace")
    ?? $"Data Source={Path.Combine(dataFolder, "marketplace.db")}";

builder.Services.AddMarketplaceCore(connectionString, DatabaseProviders.Parse(builder.Configuration["Marketplace:Database:Provider"]));
builder.Services.AddMarketplaceSearch(settings.IndexFolder(contentRoot, dataFolder));
builder.Services.AddHttpContextAccessor();
builder.Services.AddMarketplaceLocalisation();
builder.Services.AddScoped<ICurrentUser, WebCurrentUser>();
builder.Services.AddSingleton<IEmailSender>(sp => new PickupFolderEmailSender(Path.Combine(dataFolder, "mail-pickup"), sp.GetRequiredService<IClock>()));
builder.Services.AddHostedService<OutboxDispatcher>();
builder.Services.AddHostedService<ChallengeDeadlines>();
builder.Services.AddDocumentScanning(builder.Configuration.GetSection("Marketplace:ClamAV").Get<ClamAvSettings>() ?? new ClamAvSettings());
builder.Services.AddPayments(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(new MatchingSettings(builder.Configuration.GetValue("Marketplace:Matching:NotifyTopVendors", 5)));
builder.Services.AddIdentity<AppUser, IdentityRole>(CoreServices.IdentityPolicy).AddMarketplaceStores().AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.LoginPath = "/account/login";
    cookie.LogoutPath = "/account/logout";
    cookie.Cookie.Name = "marketplace.auth";
    cookie.Cookie.SameSite = SameSiteMode.Lax;
    // A signed-in person in the wrong role gets a real 403 (rendered by the status pages), not a redirect.
    cookie.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
builder.Services.AddMarketplaceSecurity();
builder.Services.AddMarketplaceHealthChecks();
builder.Services.AddMarketplaceOpenApi();
builder.Services.AddConcurrencyConflictPages();
builder.Services.AddSharedDataProtection();
builder.Services.AddSeveralInstances(settings.IndexFolder(contentRoot, dataFolder));
builder.Services.AddPageCaching();
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("Moderation", p => p.RequireRole(Roles.Moderator, Roles.Admin));
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/Moderation", "Moderation");
    options.Conventions.AuthorizeFolder("/Organisations");
    // Browsing the catalogue is a search without words: /solutions?category=3 is /search?category=3.
    options.Conventions.AddPageRoute("/Search/Index", "solutions");
}).AddMvcOptions(options =>
{
    options.Filters.Add<OutcomeExceptionFilter>();
    options.ModelBinderProviders.Insert(0, new IsoDateModelBinderProvider());
    options.Filters.Add<DateNotices>();
});
builder.Services.AddRouting(options => options.LowercaseUrls = true);
// Thai text is written as characters, not as &#xE2A; entities: pages stay readable and half the size.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

var app = builder.Build();

await DatabaseInitialiser.InitialiseAsync(app.Services, settings.Resolve(contentRoot, settings.SeedDataPath), settings.SeedSampleData);
await app.Services.GetRequiredService<SearchIndexHost>().StartAsync(CancellationToken.None);

app.UseForwardedHeaders();
app.UseSecurityHeaders();
// Localization first, so the status pages re-executed below keep the language of the original request.
app.UseRequestLocalization(Languages.Options());
app.UseExceptionHandler("/status/500");
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseSearchRepairResponses();
if (!app.Environment.IsDevelopment())
    app.UseHsts();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAccountGate();
app.UseAuthorization();
app.UsePageCaching();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapLanguageSwitch();
app.MapHealth();
app.MapSolutionsApi();
app.MapTransparencyApi();
app.MapProcurement();
app.MapOpenDataApi();
app.MapMarketplaceOpenApi();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
