using HelpPortal.Articles;
using HelpPortal.Articles.Search;
using HelpPortal.Web.Hosting;

namespace HelpPortal.Web.Reader;

/// <summary>
/// Loads the content and starts watching the folder before the server listens, side by side with the other start-up
/// work. The first search index is built right after, off the start-up path: reading an article does not need it,
/// and a search that comes before it is built waits for that one build (the container makes the service once).
/// </summary>
internal sealed class ContentInitializer(LiveContentCatalog catalog, IServiceProvider services, ILogger<ContentInitializer> logger)
    : StartupWork
{
    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        await catalog.StartAsync(cancellationToken);
        _ = Task.Run(() =>
        {
            try
            {
                // Resolved here rather than injected: making the search service builds its index.
                services.GetRequiredService<SearchService>();
            }
            catch (ObjectDisposedException)
            {
                // The host stopped before the index was needed.
            }
            catch (Exception ex)
            {
                // The first search makes the service again, and reports what goes wrong then.
                logger.LogError(ex, "Building the first search index failed");
            }
        }, CancellationToken.None);
    }

    protected override Task UndoAsync(CancellationToken cancellationToken) => catalog.StopAsync(cancellationToken);
}
