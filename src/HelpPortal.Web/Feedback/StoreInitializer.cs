using Microsoft.AspNetCore.DataProtection;
using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;

namespace HelpPortal.Web.Feedback;

/// <summary>
/// Migrates the store and creates the staff roles (<see cref="PortalStoreInitializer"/>) before the server listens,
/// and before the framework's own services start: Data Protection reads its key ring from the store when it starts.
/// </summary>
internal sealed class StoreInitializer(IServiceScopeFactory scopes) : StartupWork
{
    protected override bool OthersStartAfterIt => true;

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await PortalStoreInitializer.InitializeAsync(scope.ServiceProvider, cancellationToken);
        // The Data Protection key ring lives in the store. Reader pages carry no token any more, so without this the
        // first visitor cookie would load it on the request path, and a store outage then would turn a vote into a
        // 500 instead of a 503. Once loaded, the ring is kept (and kept on a failed refresh) while the store is away.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("HelpPortal.Startup").Protect([0]);
    }
}
