using System.Net;
using HelpPortal.Feedback;
using HelpPortal.Web.Tests.Reader;

namespace HelpPortal.Web.Tests.Editors;

/// <summary>The reader site's 'beta' article is a draft (draft: true, category email).</summary>
public sealed class DraftVisibilityTests(ReaderSite site) : IClassFixture<ReaderSite>
{
    private const string DraftUrl = "/en/articles/beta";

    [Fact]
    public async Task AnAnonymousReaderGetsANotFoundPageForADraft()
    {
        var response = await site.Client().GetAsync(DraftUrl);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Beta draft", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASignedInSupportLeadWhoIsNoEditorGetsNotFoundToo()
    {
        using var client = await StaffClients.SignedInAsync(site.Factory, StaffRoles.SupportLead);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(DraftUrl)).StatusCode);
    }

    [Fact]
    public async Task AnEditorReadsTheDraftAtItsUrlUnderADraftBanner()
    {
        using var client = await StaffClients.SignedInAsync(site.Factory, StaffRoles.Editor);

        var document = await ReaderSite.ParseAsync(await client.GetAsync(DraftUrl));

        Assert.Equal("Beta draft", document.QuerySelector("h1")?.TextContent);
        var banner = document.QuerySelector(".draft-banner");
        Assert.Equal("Draft: readers cannot see this article yet.", banner?.TextContent.Trim());
        // The banner comes before the title, so no one reads on without seeing it.
        Assert.True(banner!.CompareDocumentPosition(document.QuerySelector("h1")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Theory]
    [InlineData("/en")]
    [InlineData("/en/categories/email")]
    [InlineData("/en/search?q=beta+draft")]
    [InlineData("/en/search?q=ready")]
    [InlineData("/sitemap.xml")]
    public async Task NoReaderPageListsADraft(string url)
    {
        var response = await site.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("articles/beta", body);
        Assert.DoesNotContain("Beta draft", body);
    }

    [Fact]
    public async Task TheSameSearchFindsAPublishedArticle()
    {
        // The control for the search cases above: the words that miss the draft do find a published article.
        var body = await (await site.Client().GetAsync("/en/search?q=alpha+guide")).Content.ReadAsStringAsync();

        Assert.Contains("Alpha guide", body);
    }
}
