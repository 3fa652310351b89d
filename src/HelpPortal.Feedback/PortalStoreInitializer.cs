using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace HelpPortal.Feedback;

/// <summary>
/// Brings the store up to date before the server takes requests: migrations, then the staff roles.
/// Registered as a hosted service, which the host starts before the web server. The work starts when the host
/// starts and is awaited in <see cref="StartAsync"/>, so it overlaps other start-up work that starts the same way.
/// </summary>
public sealed class PortalStoreInitializer(IServiceScopeFactory scopes) : IHostedLifecycleService
{
    private Task _initialized = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _initialized = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await InitializeAsync(scope.ServiceProvider, cancellationToken);
        }, cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _initialized.WaitAsync(cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A start-up that another service aborted must not leave migrations running behind the stopped host.
        try
        {
            await _initialized.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported by StartAsync, if start-up got that far.
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Migrates the store and creates the roles that do not exist yet.</summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        await PortalStore.MigrateAsync(db, cancellationToken);
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                IdentityResult result;
                try
                {
                    result = await roles.CreateAsync(new IdentityRole(role));
                }
                catch (DbUpdateException)
                {
                    // Another instance sharing the store created it at the same moment; forget our attempt.
                    db.ChangeTracker.Clear();
                    result = IdentityResult.Failed();
                }
                if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    throw new InvalidOperationException($"Could not create the role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}

/// <summary>Healthy when the store answers a query.</summary>
public sealed class PortalStoreHealthCheck(IDbContextFactory<PortalDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The store does not answer.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", e);
        }
    }
}
