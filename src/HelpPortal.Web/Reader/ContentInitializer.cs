using HelpPortal.Articles;
using HelpPortal.Articles.Search;
using HelpPortal.Web.Hosting;

namespace HelpPortal.Web.Reader;

/// <summary>Loads the content, builds the first search index and starts watching the folder, before the server listens.</summary>
internal sealed class ContentInitializer(LiveContentCatalog catalog, SearchService search) : StartupWork
{
    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        await catalog.StartAsync(cancellationToken);
        search.BuildFirstIndex();
    }

    protected override Task UndoAsync(CancellationToken cancellationToken) => catalog.StopAsync(cancellationToken);
}
