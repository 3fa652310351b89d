using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpPortal.Feedback;

/// <summary>
/// Brings the store up to date before the server takes requests: migrations, then the staff roles. The portal runs
/// it as start-up work before the web server listens; the commands that use the store run it first too.
/// </summary>
public static class PortalStoreInitializer
{
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

/// <summary>Healthy when the store answers and, on SQLite, a write could start (readers go on while a writer holds the file).</summary>
public sealed class PortalStoreHealthCheck(IDbContextFactory<PortalDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The store does not answer.");
            }
            if (Sqlite.SqliteStore.IsSqlite(db))
            {
                await Sqlite.SqliteStore.ProbeWriteAsync(db, cancellationToken);
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", e);
        }
    }
}
