using System.Net;
using AngleSharp.Html.Parser;
using HelpPortal.Articles;
using HelpPortal.Feedback;
using HelpPortal.Web.Tests.Reader;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Editors;

public sealed class EditorPagesHttpTests : IDisposable
{
    private readonly ContentFixture _content = new ContentFixture()
        .CleanPair()
        .Article("en", "broken", "Ask {{mail.nowhere}} for help.", translation: null);

    public void Dispose() => _content.Dispose();

    private PortalFactory Portal() => new(new Dictionary<string, string?> { ["Content:Path"] = _content.Path });

    [Theory]
    [InlineData("/admin/preview")]
    [InlineData("/admin/content")]
    public async Task AnAnonymousVisitorIsSentToTheLoginPage(string url)
    {
        using var portal = Portal();

        var response = await StaffClients.Anonymous(portal).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task ASupportLeadWhoIsNoEditorGets403()
    {
        using var portal = Portal();
        using var client = await StaffClients.SignedInAsync(portal, StaffRoles.SupportLead);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/content")).StatusCode);
    }

    [Fact]
    public async Task AnEditorGetsThePreviewWithItsLabelledTextBox()
    {
        using var portal = Portal();
        using var client = await StaffClients.SignedInAsync(portal, StaffRoles.Editor);

        var response = await client.GetAsync("/admin/preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("Article preview", document.QuerySelectorAll("h1").Select(h => h.TextContent));
        Assert.Equal("LABEL", document.QuerySelector("textarea")?.ParentElement?.TagName);
        Assert.Contains("Markdown", document.QuerySelector("textarea")?.ParentElement?.TextContent);
        Assert.NotNull(document.QuerySelector("nav a[href='/admin/preview']"));
    }

    [Fact]
    public async Task AnEditorSeesTheErrorsOfTheLastReloadWithFileAndLine()
    {
        using var portal = Portal();
        using var client = await StaffClients.SignedInAsync(portal, StaffRoles.Editor);

        var before = await ProblemsAsync(client);

        Assert.Contains("articles/en/broken.md:8 error unknown placeholder '{{mail.nowhere}}'", before);
        Assert.Contains("articles/en/broken.md:1 warning no 'sv' translation", before);

        // Fixing the file while the portal runs clears the error at the next reload.
        var source = portal.Services.GetRequiredService<IContentCatalogSource>();
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Changed += catalog =>
        {
            if (catalog.Errors.All(e => e.Severity == ContentSeverity.Warning))
            {
                reloaded.TrySetResult();
            }
        };
        _content.Article("en", "broken", "Ask {{mail.providerName}} for help.", translation: null);
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(15));

        var after = await ProblemsAsync(client);
        Assert.DoesNotContain(after, p => p.Contains("error", StringComparison.Ordinal));
        Assert.Contains("articles/en/broken.md:1 warning no 'sv' translation", after);
    }

    private static async Task<List<string>> ProblemsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/admin/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return document.QuerySelectorAll("ul.content-problems li")
            .Select(li => string.Join(' ', li.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
    }
}
