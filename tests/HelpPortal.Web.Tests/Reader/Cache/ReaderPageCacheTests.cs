using System.Net;
using System.Text;
using HelpPortal.Articles;
using HelpPortal.Feedback;
using HelpPortal.Web.Reader.Cache;
using HelpPortal.Web.Tests.Editors;
using Microsoft.Extensions.DependencyInjection;
using static HelpPortal.Web.Tests.Reader.Cache.StoredPages;

namespace HelpPortal.Web.Tests.Reader.Cache;

public sealed class ReaderPageCacheTests : IDisposable
{
    private readonly ReaderSite _site = new();

    private ReaderPageStore Store => _site.Factory.Services.GetRequiredService<ReaderPageStore>();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("/en/articles/alpha")]
    [InlineData("/sv")]
    [InlineData("/en/categories/email")]
    public async Task TheStoredPageIsTheLiveRenderByteForByteInEveryEncoding(string url)
    {
        using var live = new ReaderSite(new Dictionary<string, string?> { ["ReaderCache:MaxBytes"] = "0" });
        var rendered = await live.Client().GetAsync(url);
        var expected = await rendered.Content.ReadAsByteArrayAsync();

        foreach (var encoding in new[] { "identity", "gzip", "br" })
        {
            var stored = await GetAsync(_site.Client(), url, ("Accept-Encoding", encoding));
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(await BodyAsync(stored)));
            // The same status and the same headers, apart from the ones that say how the bytes may be kept.
            foreach (var name in new[] { "Content-Type", "Content-Language", "Content-Security-Policy", "X-Content-Type-Options",
                         "X-Frame-Options", "Referrer-Policy" })
            {
                Assert.Equal(Header(rendered, name), Header(stored, name));
                Assert.NotEqual("", Header(stored, name));
            }
        }
        Assert.Equal(1, Store.Renders);
        Assert.True(IsLive(rendered));
    }

    [Fact]
    public async Task TwoAnonymousVisitorsGetTheSameBytesWithAStrongETag()
    {
        var first = await GetAsync(_site.Client(), "/en/articles/alpha");
        var second = await GetAsync(_site.Client(), "/en/articles/alpha",
            ("Cookie", "hp_visitor=abc; .AspNetCore.Culture=c%3Dsv%7Cuic%3Dsv"), ("Accept-Language", "sv"));

        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal(ETag(first), ETag(second));
        Assert.True(IsShareable(first));
        Assert.Equal("Accept-Encoding", Header(first, "Vary"));
        Assert.Equal("en", Header(first, "Content-Language"));
        Assert.DoesNotContain("RequestVerificationToken", await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AMatchingETagGets304WithoutABody()
    {
        var first = await GetAsync(_site.Client(), "/en/articles/alpha", ("Accept-Encoding", "gzip"));

        var again = await GetAsync(_site.Client(), "/en/articles/alpha", ("Accept-Encoding", "gzip"), ("If-None-Match", ETag(first)!));
        var otherEncoding = await GetAsync(_site.Client(), "/en/articles/alpha", ("Accept-Encoding", "br"), ("If-None-Match", ETag(first)!));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(ETag(first), ETag(again));
        // The Brotli copy is other bytes with its own tag, so the gzip tag does not stand for it.
        Assert.Equal(HttpStatusCode.OK, otherEncoding.StatusCode);
        Assert.NotEqual(ETag(first), ETag(otherEncoding));
    }

    [Fact]
    public async Task AnEditShowsAsSoonAsTheContentReloadsWithANewETag()
    {
        var before = await GetAsync(_site.Client(), "/en/articles/gamma");
        var source = _site.Factory.Services.GetRequiredService<IContentCatalogSource>();
        var changed = new TaskCompletionSource<ContentCatalog>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Changed += catalog => changed.TrySetResult(catalog);

        var path = Path.Combine(_site.ContentPath, "articles/en/gamma.md");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("Text.", "Edited text."));
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var after = await GetAsync(_site.Client(), "/en/articles/gamma");

        Assert.DoesNotContain("Edited text.", await before.Content.ReadAsStringAsync());
        Assert.Contains("Edited text.", await after.Content.ReadAsStringAsync());
        Assert.NotEqual(ETag(before), ETag(after));
        // The old tag is no longer current: a revalidation gets the new page, not a 304.
        var revalidated = await GetAsync(_site.Client(), "/en/articles/gamma", ("If-None-Match", ETag(before)!));
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
    }

    [Fact]
    public async Task StaffAndDraftsAreAlwaysRenderedLiveAndNeverStored()
    {
        using var editor = await StaffClients.SignedInAsync(_site.Factory, StaffRoles.Editor);
        var rendersBefore = Store.Renders;

        var draft = await editor.GetAsync("/en/articles/beta");
        var article = await editor.GetAsync("/en/articles/alpha");
        var draftForReaders = await _site.Client().GetAsync("/en/articles/beta");

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Contains("Beta draft", await draft.Content.ReadAsStringAsync());
        Assert.True(IsLive(draft));
        Assert.Null(draft.Headers.ETag);
        Assert.True(IsLive(article));
        Assert.Null(article.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotFound, draftForReaders.StatusCode);
        Assert.Null(draftForReaders.Headers.ETag);
        // The anonymous 404 was rendered (and not kept); the editor's pages did not go through the store at all.
        Assert.Equal(rendersBefore + 1, Store.Renders);
        Assert.Equal(0, Store.Bytes);
        var anonymous = await _site.Client().GetAsync("/en/articles/alpha");
        Assert.NotNull(anonymous.Headers.ETag);
    }

    [Theory]
    [InlineData("/en/articles/alpha?feedback=thanks")]
    [InlineData("/en/articles/alpha?utm_source=mail")]
    [InlineData("/en/search?q=alpha")]
    [InlineData("/en/articles/no-such-article")]
    [InlineData("/not-found")]
    public async Task PagesWithAQueryStringSearchAndErrorPagesAreNeverStored(string url)
    {
        var response = await _site.Client().GetAsync(url);

        Assert.Null(response.Headers.ETag);
        Assert.Equal(0, Store.Bytes);
        Assert.False(IsShareable(response));
    }

    [Fact]
    public async Task TheThanksAfterAVoteComesFromTheRedirectTargetNotFromTheStoredPage()
    {
        await _site.Client().GetAsync("/en/articles/alpha"); // stored
        var thanks = await _site.Client().GetStringAsync("/en/articles/alpha?feedback=thanks");
        var plain = await _site.Client().GetStringAsync("/en/articles/alpha");

        Assert.Contains("feedback-thanks", thanks);
        Assert.DoesNotContain("feedback-thanks", plain);
    }
}
