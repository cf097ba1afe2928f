using DocManager.Accounts;
using DocManager.Data;
using DocManager.Documents;
using DocManager.Errors;
using DocManager.Extraction;
using DocManager.Health;
using DocManager.History;
using DocManager.Hosting;
using DocManager.Intake;
using DocManager.Integrity;
using DocManager.Jobs;
using DocManager.Notifications;
using DocManager.Ocr;
using DocManager.Previews;
using DocManager.Search;
using DocManager.Security;
using DocManager.Sessions;
using DocManager.Shared;
using DocManager.Sharing;
using DocManager.Storage;
using DocManager.Versions;

// The app's own files (settings, static assets) are found beside the program; data goes to
// DataDirectory, relative to the directory it is started from.
// `DocManager migrate` migrates and exits; `DocManager worker` runs background work only (Instance:Role).
var migrateOnly = MigrateCommand.IsRequested(args, out var configurationArgs);
configurationArgs = WorkerCommand.ConfigurationArgs(configurationArgs);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configurationArgs, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();
builder.UseHardenedKestrel();
var dataDirectory = new DataDirectory(builder.Configuration);
var role = builder.Configuration.GetInstanceRole();

// Where data lives: SQLite in DataDirectory by default, PostgreSQL and Redis by configuration.
builder.Services.AddSingleton(dataDirectory);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDatabase(builder.Configuration, dataDirectory);
builder.Services.AddRedisWhenConfigured(builder.Configuration);
builder.Services.AddFileStore(builder.Configuration, dataDirectory);

// Who the user is: accounts, server-side sessions and the keys that protect cookies.
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddServerSessions(builder.Configuration, dataDirectory);

// What users keep: documents, how files come in, who they are shared with, and finding them again.
builder.Services.AddDocuments(builder.Configuration);
builder.Services.AddIntake(builder.Configuration);
builder.Services.AddSharing();
builder.Services.AddHistory();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddSearch(builder.Configuration);

// Work done in the background (not on web-only instances): the job runner, text extraction for
// search, previews made by contained external programs, the integrity check.
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddExtraction(builder.Configuration);
builder.Services.AddPreviews(builder.Configuration);
builder.Services.AddOcr(builder.Configuration);
builder.Services.AddIntegrityCheck(builder.Configuration);

// Secure by default: every endpoint needs a signed-in user unless it says otherwise.
builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(AccessPolicies.SignedInUnlessNoEndpoint);
builder.Services.AddWebSecurity(builder.Configuration);
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddErrorHandling();
builder.Services.AddHealth();
builder.Services.AddOpenApi();

// Pages live in feature folders (Accounts/, Documents/, ...) rather than under Pages/.
builder.Services.AddRazorPages(pages => pages.RootDirectory = "/")
    .AddMvcOptions(mvc => mvc.Filters.Add<UnknownHandlerFilter>());

var app = builder.Build();
if (migrateOnly)
{
    await app.MigrateDatabaseAsync();
    return;
}

await app.PrepareDatabaseAsync();

// Behind a trusted proxy, the client's address and scheme come first; then every response's headers.
app.UseTrustedProxies(app.Configuration);
app.UseInstanceHeader(app.Configuration);
app.UseSecurityHeaders();
app.UseErrorPages();
app.UseInputGuard();
app.UseHsts();
// Routing runs after the error pages so that a re-executed request (/error/404, /error/500) is
// routed to the error page; left implicit it would run first and re-executions would find nothing.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UsePostRedirectGet();

// Every instance answers the probes; a worker-only instance answers nothing else (every other path is 404).
app.MapHealth();
if (role.ServesUsers())
{
    app.MapStaticAssets().AllowAnonymous().WithoutSession();
    app.MapRazorPages();
    app.MapDownloads();
    app.MapPreviews();
    app.MapOpenApiDescription();

    // The JSON API: one group under /api (signed-in users, anti-forgery header, problems), a part per feature.
    var api = app.MapApiGroup();
    api.MapMeApi();
    api.MapDocumentsApi();
    api.MapVersionsApi();
    api.MapHistoryApi();
    api.MapFilesApi();
    api.MapSuggest();
    api.MapNotificationsApi();
}

await app.RunAsync();

/// <summary>Entry point; public so the tests' WebApplicationFactory can start the app.</summary>
public partial class Program;
