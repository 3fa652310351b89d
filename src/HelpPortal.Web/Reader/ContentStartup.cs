using HelpPortal.Articles;
using HelpPortal.Articles.Search;

namespace HelpPortal.Web.Reader;

/// <summary>
/// Reads the content folder and builds the search index on a pool thread as soon as the host starts, so the
/// work overlaps the store's migrations instead of following them. <see cref="ContentReady"/>, a hosted service
/// registered after the store's, waits for it, so the server still listens only once content and index are in
/// (and a failed load still stops start-up). Anything reading the catalog earlier waits on the same load.
/// </summary>
internal sealed class ContentStartup(LiveContentCatalog catalog, SearchService? search = null) : IHostedService
{
    /// <summary>The initial load and index build, started by <see cref="StartAsync"/>.</summary>
    public Task Loaded { get; private set; } = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Loaded = Task.Run(async () =>
        {
            await catalog.StartAsync(cancellationToken);
            search?.BuildFirstIndex(); // absent only in a host without search
        }, cancellationToken);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A start-up that aborts (the store failed) may stop us while the load still runs; let it finish first,
        // so the catalog's file watcher is never started after the catalog was stopped.
        try
        {
            await Loaded.WaitAsync(cancellationToken);
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
