using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HelpPortal.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.DomainCheck;

/// <summary>The page over HTTP, against the real NSD with the fixture zones.</summary>
public sealed class DomainCheckPageAgainstNsdTests : IClassFixture<DomainCheckPageAgainstNsdTests.Portal>
{
    private readonly Portal _portal;

    public DomainCheckPageAgainstNsdTests(Portal portal) => _portal = portal;

    public sealed class Portal() : IDisposable
    {
        public PortalFactory Factory { get; } = new(TestDns.Settings());

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData("ok.test", "ok", "ok")]
    [InlineData("no-such-name.ok.test", "failed", "domain-not-found")]
    [InlineData("mx-missing.test", "failed", "mx-missing")]
    [InlineData("mx-elsewhere.test", "failed", "mx-elsewhere")]
    [InlineData("mx-partial.test", "warning", "mx-partial")]
    [InlineData("spf-missing.test", "failed", "spf-missing")]
    [InlineData("spf-multiple.test", "failed", "spf-multiple")]
    [InlineData("spf-without-us.test", "failed", "spf-without-us")]
    [InlineData("spf-loop.test", "failed", "spf-too-many-lookups")]
    [InlineData("dkim-missing.test", "warning", "dkim-missing")]
    [InlineData("dkim-weak.test", "warning", "dkim-weak")]
    [InlineData("dmarc-missing.test", "warning", "dmarc-missing")]
    [InlineData("dmarc-invalid.test", "warning", "dmarc-invalid")]
    public async Task EachFindingIsShownWithItsVerdictWordsFixAndRecord(string domain, string verdict, string diagnosis)
    {
        var (response, page) = await GetAsync($"/en/domain-check?domain=anna%40{domain}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = page.QuerySelector("[data-widget=domain-check] [data-verdict]")!;
        Assert.Equal(verdict, shown.GetAttribute("data-verdict"));
        Assert.Equal(diagnosis, shown.GetAttribute("data-diagnosis"));
        var finding = diagnosis == "ok"
            ? page.QuerySelector("[data-finding][data-check=mx]")!
            : page.QuerySelectorAll("[data-finding]").Single(f => f.GetAttribute("data-code") == diagnosis);
        Assert.Contains(finding.GetAttribute("data-status"), new[] { "ok", "warning", "failed" });
        Assert.False(string.IsNullOrWhiteSpace(finding.QuerySelector(".finding-words")?.TextContent));
        if (diagnosis != "ok")
        {
            Assert.Equal(verdict, finding.GetAttribute("data-status"));
            Assert.False(string.IsNullOrWhiteSpace(finding.QuerySelector(".finding-fix")?.TextContent));
        }
        if (diagnosis is not ("ok" or "domain-not-found"))
        {
            Assert.False(string.IsNullOrWhiteSpace(finding.QuerySelector("[data-record]")?.TextContent));
            Assert.NotNull(finding.QuerySelector("button[data-copy]"));
        }
    }

    [Fact]
    public async Task MailElsewhereNamesTheHostsAndLinksTheArticle()
    {
        var (_, page) = await GetAsync("/en/domain-check?domain=mx-elsewhere.test");

        var mx = page.QuerySelector("[data-finding][data-check=mx]")!;
        Assert.Contains("mx.elsewhere.test", mx.QuerySelector(".finding-words")!.TextContent);
        Assert.Contains("10 mx1.provider.test.", mx.QuerySelector("[data-record]")!.TextContent);
        Assert.Equal("/en/articles/point-mail-to-us", mx.QuerySelector(".finding-article a")!.GetAttribute("href"));
        Assert.Equal(4, page.QuerySelectorAll("[data-finding][data-status=info]").Length);
    }

    [Fact]
    public async Task SwedishReadersGetTheFormAndTheResultInSwedish()
    {
        var (_, page) = await GetAsync("/sv/domain-check?domain=spf-without-us.test");

        var input = page.QuerySelector("[data-widget=domain-check] form input[name=domain]")!;
        Assert.Equal("Domän eller e-postadress", page.QuerySelector($"label[for='{input.Id}']")!.TextContent);
        Assert.Equal("Kontrollera min domän", page.QuerySelector("[data-widget=domain-check] form button[type=submit]")!.TextContent.Trim());
        Assert.Contains("Din SPF-post tar inte med servrarna", page.QuerySelector("[data-finding][data-check=spf]")!.TextContent);
        Assert.Equal("/sv/articles/spf-post", page.QuerySelector("[data-finding][data-check=spf] .finding-article a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task WithoutADomainThePageIsTheFormAlone()
    {
        var (response, page) = await GetAsync("/en/domain-check");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("[data-widget=domain-check] form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/en/domain-check", form.GetAttribute("action"));
        Assert.Equal("Domain or email address", page.QuerySelector($"label[for='{form.QuerySelector("input[name=domain]")!.Id}']")!.TextContent);
        Assert.Equal("Check my domain", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-verdict]"));
    }

    [Theory]
    [InlineData("/en/domain-check")]
    [InlineData("/en/domain-check?domain=ok.test")]
    [InlineData("/en/domain-check?domain=a..b")]
    public async Task ThePageIsNeverStored(string url)
    {
        var (response, _) = await GetAsync(url);

        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task AnUnknownLanguageIsNotFound()
    {
        var (response, _) = await GetAsync("/xx/domain-check?domain=ok.test");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ChecksAreCountedByCodeWithoutTheDomain()
    {
        await GetAsync("/en/domain-check?domain=dmarc-missing.test");

        var log = _portal.Factory.Services.GetRequiredService<IDomainCheckLog>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var counts = await log.GetCountsAsync(today.AddDays(-1), today, default);
        Assert.Contains(counts, c => c.Code == "dmarc-missing" && c.Count >= 1);
        Assert.DoesNotContain(counts, c => c.Code.Contains("test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheTroubleshootingArticleCarriesTheWidget()
    {
        var (_, page) = await GetAsync("/en/articles/troubleshooting-email");

        var form = page.QuerySelector("[data-widget=domain-check] form")!;
        Assert.Equal("/en/domain-check", form.GetAttribute("action"));
    }

    private async Task<(HttpResponseMessage Response, IDocument Page)> GetAsync(string url)
    {
        using var client = _portal.Factory.CreateClient();
        var response = await client.GetAsync(url);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }
}
