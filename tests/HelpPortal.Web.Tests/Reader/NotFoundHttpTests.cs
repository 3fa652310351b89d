using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HelpPortal.Web.Tests.Reader;

public sealed class NotFoundHttpTests(ReaderSite site) : IClassFixture<ReaderSite>
{
    [Theory]
    [InlineData("/en/articles/no-such-article", "en")]
    [InlineData("/sv/articles/finns-inte", "sv")]
    [InlineData("/en/categories/no-such-category", "en")]
    [InlineData("/xx", "en")]
    [InlineData("/de/articles/alpha", "en")]
    [InlineData("/en/articles/alpha.md", "en")]
    [InlineData("/en/articles/Alpha", "en")]
    [InlineData("/en/articles/alpha/extra", "en")]
    [InlineData("/en/articles/alpha%2Fextra", "en")]
    [InlineData("/en/articles/%C3%A5", "en")]
    [InlineData("/en/articles/alpha%20", "en")]
    [InlineData("/sv/articles/..%2Fen", "sv")]
    [InlineData("/en/articles/beta", "en")]
    public async Task AnUnknownPageAnswers404WithASearchBoxAndAWayHome(string url, string lang)
    {
        var response = await site.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertNotFoundPageAsync(response, lang);
    }

    [Theory]
    [InlineData("/en/articles/..", "/en/articles/%2E%2E")]
    [InlineData("/en/articles", "/en/articles/%2e")]
    [InlineData("/en", "/en/articles/%2E%2E/%2e./en")]
    public async Task DotSegmentsInTheRawPathNeverServeAnotherPage(string normalizedPath, string rawTarget)
    {
        // Kestrel hands the app a normalized path and keeps the client's bytes in RawTarget; TestServer's
        // HttpClient would normalize them away, so the request is built by hand.
        var context = await site.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = normalizedPath;
            c.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        });

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        var html = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNotFoundPageSpeaksSwedishUnderASwedishAddress()
    {
        var response = await site.Client().GetAsync("/sv/articles/finns-inte");

        var document = await ReaderSite.ParseAsync(response);
        Assert.Equal("Vi hittade inte den sidan", document.QuerySelector("main h1")?.TextContent);
        Assert.Equal("Sök i hjälpen", document.QuerySelector("form[role=search] label")?.TextContent);
    }

    private static async Task AssertNotFoundPageAsync(HttpResponseMessage response, string lang)
    {
        var document = await ReaderSite.ParseAsync(response);
        Assert.Equal(lang, document.DocumentElement.GetAttribute("lang"));
        var form = document.QuerySelector("main form[role=search]");
        Assert.NotNull(form);
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal($"/{lang}/search", form.GetAttribute("action"));
        var input = form.QuerySelector("input[name=q]");
        Assert.NotNull(input);
        Assert.NotNull(form.QuerySelector($"label[for='{input.Id}']"));
        Assert.NotNull(document.QuerySelector($"main a[href='/{lang}']"));
    }
}
