using System.Net;
using HelpPortal.Feedback;
using HelpPortal.Web.Tests.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Search;

public sealed class SearchClickTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private static async Task<string> PingOfFirstResultAsync(HttpClient client, string query = "smtp")
    {
        var page = await SearchHtml.LoadAsync(client, $"/en/search?q={query}");
        var link = page.Document.QuerySelector(".search-result h2 a")!;
        Assert.Equal("/en/articles/smtp-settings", link.GetAttribute("href"));
        return link.GetAttribute("ping")!;
    }

    private static async Task<bool> OpenedAsync(FeedbackPortal portal, string query)
    {
        var report = await portal.Services.GetRequiredService<ISearchLog>().GetReportAsync(Now.AddHours(-1), Now.AddHours(1), null, default);
        return report.TopQueries.Any(q => q.Query == query) && report.NeverOpened.All(q => q.Query != query);
    }

    [Fact]
    public async Task AResultLinksToTheArticleAndItsPingRecordsTheClick()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var reader = portal.CreateClient();
        var ping = await PingOfFirstResultAsync(reader);

        // What a browser sends for <a ping>: a POST with the body PING.
        var response = await reader.PostAsync(ping, new StringContent("PING", null, "text/ping"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(await OpenedAsync(portal, "smtp"));
    }

    [Fact]
    public async Task AClickCountsOnlyForASearchTheSameVisitorMade()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var searcher = portal.CreateClient();
        using var stranger = portal.CreateClient();
        var ping = await PingOfFirstResultAsync(searcher);
        var sid = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + ping).Query)["sid"];

        var copied = await stranger.PostAsync(ping, new StringContent("PING"));
        var guessed = await searcher.GetAsync($"/en/search/open?sid={sid}&slug=smtp-settings");
        var forged = await searcher.GetAsync($"/en/search/open?sid={sid}&slug=smtp-settings&t=forged");

        Assert.Equal(HttpStatusCode.NoContent, copied.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.False(await OpenedAsync(portal, "smtp"));
    }

    [Fact]
    public async Task TheOldRedirectAlwaysRedirectsEvenWhenTheStoreIsDown()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog(),
            services: s => s.AddSingleton<ISearchLog>(new StoreDownOnClicks()));
        using var reader = portal.CreateClient();
        var ping = await PingOfFirstResultAsync(reader);

        var redirect = await reader.GetAsync(ping);
        var pinged = await reader.PostAsync(ping, new StringContent("PING"));

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/en/articles/smtp-settings", redirect.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NoContent, pinged.StatusCode);
    }

    /// <summary>A log whose store stops answering once a search is logged.</summary>
    private sealed class StoreDownOnClicks : ISearchLog
    {
        public Task<long> RecordSearchAsync(string normalizedQuery, string lang, int resultCount, CancellationToken cancellationToken) =>
            Task.FromResult(42L);

        public Task RecordOpenedAsync(long searchId, string slug, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database is locked");

        public Task<SearchLogReport> GetReportAsync(DateTime fromUtc, DateTime toUtc, string? lang, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database is locked");
    }
}
