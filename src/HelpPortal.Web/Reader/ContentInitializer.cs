using HelpPortal.Articles;
using HelpPortal.Articles.Search;

namespace HelpPortal.Web.Reader;

/// <summary>
/// Loads the content folder, builds the first search index and starts watching the folder, all before the server
/// listens (hosted services start before it), so no request ever waits for a first load. The work starts when the
/// host starts (<see cref="StartingAsync"/>) and is awaited in <see cref="StartAsync"/>, so it overlaps whatever other
/// start-up work starts the same way (the store's migrations), in whichever order the two were registered.
/// A load that fails stops start-up.
/// </summary>
internal sealed class ContentInitializer(LiveContentCatalog catalog, SearchService search) : IHostedLifecycleService
{
    private Task _loaded = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _loaded = Task.Run(async () =>
        {
            await catalog.StartAsync(cancellationToken);
            search.BuildFirstIndex();
        }, cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _loaded.WaitAsync(cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A start-up that aborts (the store failed) may stop us while the load still runs; let it finish first,
        // so the catalog's file watcher is never started after the catalog was stopped.
        try
        {
            await _loaded.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The load's own failure was already reported by StartAsync; stopping goes on regardless.
        }
        await catalog.StopAsync(cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
