using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;

namespace HelpPortal.Web.Feedback;

/// <summary>Migrates the store and creates the staff roles (<see cref="PortalStoreInitializer"/>) before the server listens.</summary>
internal sealed class StoreInitializer(IServiceScopeFactory scopes) : StartupWork
{
    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await PortalStoreInitializer.InitializeAsync(scope.ServiceProvider, cancellationToken);
    }
}
