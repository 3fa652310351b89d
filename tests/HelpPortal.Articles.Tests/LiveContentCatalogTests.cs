using Microsoft.Extensions.Logging.Abstractions;

namespace HelpPortal.Articles.Tests;

/// <summary>Live reload on real files: the watcher, the debounce and the swap.</summary>
public sealed class LiveContentCatalogTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TheContentIsLoadedWhenTheCatalogStarts()
    {
        _folder.Pair("a", "a-sv", "Hello.");
        using var live = new LiveContentCatalog(_folder.Options, NullLogger<LiveContentCatalog>.Instance, LiveContentCatalog.DefaultDebounce);
        Assert.Throws<InvalidOperationException>(() => live.Current);

        await live.StartAsync(CancellationToken.None);

        Assert.Contains("Hello.", live.Current.Find("en", "a")!.PlainText);
        await live.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AnEditedArticleIsServedAfterTheReload()
    {
        _folder.Pair("a", "a-sv", "Old text.");
        using var live = new LiveContentCatalog(_folder.Options, NullLogger<LiveContentCatalog>.Instance, LiveContentCatalog.DefaultDebounce);
        await live.StartAsync(CancellationToken.None);
        var changed = NextChange(live);

        _folder.Pair("a", "a-sv", "New text.");

        var catalog = await changed.WaitAsync(Patience);
        Assert.Contains("New text.", catalog.Find("en", "a")!.PlainText);
        Assert.Same(catalog, live.Current);
        await live.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AReloadThatBreaksAnArticleKeepsItsLastGoodVersion()
    {
        _folder.Pair("a", "a-sv", "Good text.").Pair("b", "b-sv", "Other.");
        using var live = new LiveContentCatalog(_folder.Options, NullLogger<LiveContentCatalog>.Instance, LiveContentCatalog.DefaultDebounce);
        await live.StartAsync(CancellationToken.None);
        var before = live.Current;
        var changed = NextChange(live);

        _folder.Write("articles/en/a.md", "---\ntitle: [unclosed\n---\nBroken text.\n");

        var catalog = await changed.WaitAsync(Patience);
        Assert.True(catalog.Version > before.Version);
        Assert.Contains("Good text.", catalog.Find("en", "a")!.PlainText);
        Assert.Contains(catalog.Errors, e => e.Path == "articles/en/a.md" && e.Severity == ContentSeverity.Error);
        Assert.NotNull(catalog.Find("en", "b"));
    }

    [Fact]
    public async Task ABurstOfSavesBecomesOneReload()
    {
        _folder.Pair("a", "a-sv", "Zero.");
        using var live = new LiveContentCatalog(_folder.Options, NullLogger<LiveContentCatalog>.Instance, TimeSpan.FromMilliseconds(300));
        await live.StartAsync(CancellationToken.None);
        var reloads = 0;
        live.Changed += _ => Interlocked.Increment(ref reloads);

        for (var i = 1; i <= 5; i++)
        {
            _folder.Pair("a", "a-sv", $"Version {i}.");
            await Task.Delay(20);
        }
        await WaitUntilAsync(() => live.Current.Find("en", "a")!.PlainText.Contains("Version 5."));
        await Task.Delay(600);

        Assert.InRange(reloads, 1, 2);
    }

    [Fact]
    public async Task AFailingSubscriberDoesNotStopTheReload()
    {
        _folder.Pair("a", "a-sv", "One.");
        using var live = new LiveContentCatalog(_folder.Options, NullLogger<LiveContentCatalog>.Instance, LiveContentCatalog.DefaultDebounce);
        await live.StartAsync(CancellationToken.None);
        live.Changed += _ => throw new InvalidOperationException("subscriber failed");
        var changed = NextChange(live);

        _folder.Pair("a", "a-sv", "Two.");

        var catalog = await changed.WaitAsync(Patience);
        Assert.Contains("Two.", catalog.Find("en", "a")!.PlainText);
    }

    private static Task<ContentCatalog> NextChange(LiveContentCatalog live)
    {
        var next = new TaskCompletionSource<ContentCatalog>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Changed += catalog => next.TrySetResult(catalog);
        return next.Task;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true in time");
            await Task.Delay(50);
        }
    }
}
