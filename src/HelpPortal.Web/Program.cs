using HelpPortal.Web.ClientProfiles;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Layout;
using HelpPortal.Web.Reader;
using HelpPortal.Web.Search;
using HelpPortal.Web.Support;

var builder = WebApplication.CreateBuilder(args);

builder.AddArticles();        // content folder, Markdig pipeline, live reload
builder.AddMailService();     // options + validation, connection tester, client profiles
builder.AddFeedback();        // EF Core store, staff identity, votes
builder.AddSearch();          // FTS5 index over the catalog, search log
builder.AddSupport();         // contact support with the reader's consent, escalation counts
builder.AddPortalUi();        // localization, Razor components, widgets
builder.AddHardening();       // sign-in limit, circuit limits
builder.AddObservability();   // metrics (OTLP export when configured), readiness

var app = builder.Build();

if (PortalCommands.IsCommand(args))
{
    return await PortalCommands.RunAsync(app, args);
}

app.UsePortalPipeline();      // errors, status pages, localization, auth, antiforgery

app.MapPortalEndpoints();     // root redirect, sitemap, robots, healthz
app.MapFeedback();            // vote form posts, dashboard CSV
app.MapSearch();              // suggestions JSON, result clicks, content-gap marks
app.MapSupport();             // the consented hand-over to support
app.MapClientProfiles();      // autoconfig, autodiscover, mobileconfig
app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
