using HelpPortal.Articles;
using HelpPortal.Articles.Search;

namespace HelpPortal.Web.Reader;

/// <summary>
/// Reads the content folder on a pool thread as soon as the host starts, so the work overlaps the store's
/// migrations instead of following them. <see cref="ContentReady"/>, a hosted service registered after the
/// store's, waits for it, so the server listens only once the content is in (and a failed load still stops
/// start-up). The search index is built right after, off the start-up path: reading an article does not need
/// it, and a search that comes before it is built waits for that one build.
/// </summary>
internal sealed class ContentStartup(LiveContentCatalog catalog, ILogger<ContentStartup> logger, SearchService? search = null) : IHostedService
{
    /// <summary>The initial load, started by <see cref="StartAsync"/>.</summary>
    public Task Loaded { get; private set; } = Task.CompletedTask;

    /// <summary>The first search index, built after the load.</summary>
    public Task Indexed { get; private set; } = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Loaded = Task.Run(() => catalog.StartAsync(cancellationToken), cancellationToken);
        Indexed = Loaded.ContinueWith(loaded =>
        {
            try
            {
                search?.BuildFirstIndex(); // absent only in a host without search
            }
            catch (Exception ex)
            {
                // The first search builds it again, and reports what goes wrong then.
                logger.LogError(ex, "Building the first search index failed");
            }
        }, cancellationToken, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A start-up that aborts (the store failed) may stop us while the load still runs; let it finish first,
        // so the catalog's file watcher is never started after the catalog was stopped.
        try
        {
            await Loaded.WaitAsync(cancellationToken);
            await Indexed.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The load's own failure was already reported by ContentReady; stopping goes on regardless.
        }
        await catalog.StopAsync(cancellationToken);
    }
}

/// <summary>Waits for <see cref="ContentStartup.Loaded"/>; registered after the store's initializer.</summary>
internal sealed class ContentReady(ContentStartup startup) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => startup.Loaded.WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
