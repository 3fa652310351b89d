using HelpPortal.Web.ClientProfiles;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Layout;
using HelpPortal.Web.Reader;
using HelpPortal.Web.Reader.Cache;
using HelpPortal.Web.Search;

var builder = WebApplication.CreateBuilder(args);

builder.AddArticles();        // content folder, Markdig pipeline, live reload
builder.AddMailService();     // options + validation, connection tester, client profiles
builder.AddFeedback();        // EF Core store, staff identity, votes
builder.AddSearch();          // FTS5 index over the catalog, search log
builder.AddPortalUi();        // localization, Razor components, widgets
builder.AddReaderCache();     // reader pages rendered once per content version, kept within a byte budget
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
app.MapSearch();              // suggestions JSON
app.MapClientProfiles();      // autoconfig, autodiscover, mobileconfig
app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AllowHeadOnReaderPages();

app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
