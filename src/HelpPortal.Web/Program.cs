using HelpPortal.Web.ClientProfiles;
using HelpPortal.Web.DomainCheck;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Layout;
using HelpPortal.Web.Reader;
using HelpPortal.Web.Reader.Cache;
using HelpPortal.Web.Search;
using HelpPortal.Web.Staff;
using HelpPortal.Web.Tester;
using HelpPortal.Web.Support;

var builder = WebApplication.CreateBuilder(args);

builder.AddHosting();         // clock, localization, Razor components with circuit limits
builder.AddMailService();     // the validated mail-service model every feature reads
builder.AddArticles();        // content folder, live reload, the first search index
builder.AddReader();          // languages, content health
builder.AddFeedback();        // EF Core store, votes, visitor cookie, vote limit
builder.AddStaff();           // staff identity, sign-in limit
builder.AddSearch();          // FTS5 index over the catalog, search log, search limit
builder.AddSupport();         // contact support with the reader's consent, escalation counts
builder.AddDomainCheck();     // "is my domain set up with you?": DNS checks, their limit and daily counts
builder.AddMailTester();      // the MailKit engine behind the tester's limits
builder.AddClientProfiles();  // autoconfig, autodiscover, mobileconfig, their limit
builder.AddReaderCache();     // reader pages rendered once per content version, kept within a byte budget
builder.AddObservability();   // metrics (OTLP export when configured), readiness

var app = builder.Build();

if (PortalCommands.IsCommand(args))
{
    return await PortalCommands.RunAsync(app, args);
}

app.UsePortalPipeline();      // headers, errors, languages, auth, rate limits, antiforgery

app.MapHealth();              // healthz, readyz
app.MapReader();              // root redirect, sitemap, robots
app.MapFeedback();            // vote form posts, dashboard CSV
app.MapStaff();               // sign-out
app.MapSearch();              // suggestions JSON, result clicks, content-gap marks
app.MapSupport();             // the consented hand-over to support
app.MapClientProfiles();      // autoconfig, autodiscover, mobileconfig
app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AllowHeadOnReaderPages();

app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
