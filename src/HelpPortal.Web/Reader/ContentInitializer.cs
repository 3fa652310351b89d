using HelpPortal.Articles;
using HelpPortal.Articles.Search;
using HelpPortal.Web.Hosting;

namespace HelpPortal.Web.Reader;

/// <summary>
/// Loads the content and starts watching the folder before the server listens. The first search index is built
/// right after, off the start-up path: reading an article does not need it, and a search that comes before it is
/// built waits for that one build (the index is built once, on first use).
/// </summary>
internal sealed class ContentInitializer(LiveContentCatalog catalog, SearchService search, ILogger<ContentInitializer> logger)
    : StartupWork
{
    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        await catalog.StartAsync(cancellationToken);
        _ = Task.Run(() =>
        {
            try
            {
                search.BuildFirstIndex();
            }
            catch (Exception ex)
            {
                // The first search builds it again, and reports what goes wrong then.
                logger.LogError(ex, "Building the first search index failed");
            }
        }, CancellationToken.None);
    }

    protected override Task UndoAsync(CancellationToken cancellationToken) => catalog.StopAsync(cancellationToken);
}
