using System.Net;
using HelpPortal.Articles;
using HelpPortal.Web.Reader.Cache;
using Microsoft.Extensions.DependencyInjection;
using static HelpPortal.Web.Tests.Reader.Cache.StoredPages;

namespace HelpPortal.Web.Tests.Reader.Cache;

public sealed class ReaderPageCacheBadInputTests : IDisposable
{
    private const string Article = "/en/articles/alpha";
    private readonly ReaderSite _site = new();

    private ReaderPageStore Store => _site.Factory.Services.GetRequiredService<ReaderPageStore>();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"unclosed")]
    [InlineData("W/")]
    [InlineData(",,,")]
    [InlineData("\"a\", W/\"b\"")]
    public async Task AnIfNoneMatchThatNamesNothingOfOursGetsTheFullPage(string ifNoneMatch)
    {
        var response = await GetAsync(_site.Client(), Article, ("If-None-Match", ifNoneMatch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Alpha guide", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"other\", {0}")]
    [InlineData("W/{0}")]
    public async Task AListAWeakFormOrAStarNamingOurTagGets304(string template)
    {
        var tag = ETag(await _site.Client().GetAsync(Article))!;

        var response = await GetAsync(_site.Client(), Article, ("If-None-Match", string.Format(template, tag)));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task ARangeIsIgnoredAndTheWholePageSent()
    {
        var whole = await (await _site.Client().GetAsync(Article)).Content.ReadAsByteArrayAsync();

        var response = await GetAsync(_site.Client(), Article, ("Range", "bytes=0-10"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(whole, await response.Content.ReadAsByteArrayAsync());
        Assert.Null(response.Content.Headers.ContentRange);
    }

    [Fact]
    public async Task HeadAnswersWithTheHeadersAndNoBody()
    {
        var get = await _site.Client().GetAsync(Article);

        var head = await _site.Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, Article));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(ETag(get), ETag(head));
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task AFirstHeadStoresThePageForTheGetsAfterIt()
    {
        var head = await _site.Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/en/categories/email"));
        var get = await _site.Client().GetAsync("/en/categories/email");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(ETag(head), ETag(get));
        Assert.Contains("Alpha guide", await get.Content.ReadAsStringAsync());
        Assert.Equal(1, Store.Renders);
    }

    [Theory]
    [InlineData("br;q=0, *;q=0", null)]
    [InlineData("identity;q=0", null)]
    [InlineData("gzip;q=0.5, br;q=0.9", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("br;q=nonsense, gzip;q=2", null)]
    [InlineData("compress", null)]
    public async Task TheEncodingFollowsTheClientsWeights(string acceptEncoding, string? expected)
    {
        var response = await GetAsync(_site.Client(), Article, ("Accept-Encoding", acceptEncoding));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Alpha guide", System.Text.Encoding.UTF8.GetString(await BodyAsync(response)));
    }

    [Fact]
    public async Task TwoHundredFirstRequestsAfterAReloadRenderThePageOnce()
    {
        await _site.Client().GetAsync(Article);
        _site.Factory.Services.GetRequiredService<LiveContentCatalog>().Reload();
        var rendersBefore = Store.Renders;

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => _site.Client().GetAsync(Article)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(rendersBefore + 1, Store.Renders);
    }

    [Fact]
    public async Task TheByteBudgetIsHonouredLeastRecentlyUsedFirst()
    {
        var sizes = new List<long>();
        foreach (var url in new[] { "/en", "/sv", "/en/categories/email" })
        {
            var before = Store.Bytes;
            await _site.Client().GetAsync(url);
            sizes.Add(Store.Bytes - before);
        }
        // Room for the English home and the category page after trimming to nine tenths, not for all three.
        var budget = (sizes[0] + sizes[2]) * 10 / 9 + 100;
        Assert.True(sizes.Sum() > budget);
        using var small = new ReaderSite(new Dictionary<string, string?> { ["ReaderCache:MaxBytes"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var store = small.Factory.Services.GetRequiredService<ReaderPageStore>();
        var client = small.Client();

        await client.GetAsync("/en");
        await client.GetAsync("/sv");
        await client.GetAsync("/en"); // /en is now the most recently used
        await client.GetAsync("/en/categories/email"); // over budget: /sv goes
        Assert.True(store.Bytes <= budget, $"{store.Bytes} bytes stored, budget {budget}");
        var renders = store.Renders;

        await client.GetAsync("/en");
        Assert.Equal(renders, store.Renders);
        await client.GetAsync("/sv");
        Assert.Equal(renders + 1, store.Renders);
        Assert.True(store.Bytes <= budget, $"{store.Bytes} bytes stored, budget {budget}");
    }
}
