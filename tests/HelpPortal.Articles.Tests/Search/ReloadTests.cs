using static HelpPortal.Articles.Tests.Search.Corpus;

namespace HelpPortal.Articles.Tests.Search;

public sealed class ReloadTests
{
    private static ContentCatalog Version(long version) => Catalog(version,
        [.. Enumerable.Range(0, 200).Select(i => Article("en", $"a{i}", $"Mail article {i}", $"Common words about mail, number {i}.")),
         Article("en", $"marker{version}", $"Version marker", $"versionword{version}")]);

    [Fact]
    public async Task ConcurrentSearchesDuringRebuildsNeverFailNorSeeAnEmptyIndex()
    {
        var source = new FakeCatalogSource(Version(1));
        using var search = new HelpPortal.Articles.Search.SearchService(source, Microsoft.Extensions.Logging.Abstractions.NullLogger<HelpPortal.Articles.Search.SearchService>.Instance);
        const long last = 8;
        var done = new TaskCompletionSource();
        search.Swapped += version =>
        {
            if (version == last)
            {
                done.TrySetResult();
            }
        };
        using var stop = new CancellationTokenSource();
        var started = new CountdownEvent(4);
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
        {
            started.Signal();
            var searches = 0;
            while (!stop.IsCancellationRequested)
            {
                Assert.Equal(SearchLimit, search.Search("mail", "en", SearchLimit).Hits.Count);
                searches++;
            }
            return searches;
        }, TaskCreationOptions.LongRunning)).ToList();
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));

        for (var version = 2; version <= last; version++)
        {
            source.Publish(Version(version));
            await Task.Delay(30);
        }
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        stop.Cancel();
        var counts = await Task.WhenAll(readers);

        Assert.All(counts, c => Assert.True(c > 0));
        Assert.Equal(last, search.IndexedVersion);
        Assert.Equal(["marker8"], search.Search("versionword8", "en").Slugs());
        Assert.Empty(search.Search("versionword1", "en").Hits);
    }

    private const int SearchLimit = 10;
}
