using HelpPortal.Feedback.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>The database engines the store can run on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses and configures the store's provider; everything engine-specific sits behind this.</summary>
public static class PortalStore
{
    public const string ConnectionStringName = "Portal";
    public const string ProviderKey = "Database:Provider";
    public const string DefaultConnectionString = "Data Source=data/helpportal.db";

    /// <summary>Parses <c>Database:Provider</c>; an unknown value is an error that names the key.</summary>
    public static DatabaseProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderKey} must be Sqlite or Postgres, not '{value}'.");
    }

    /// <summary>
    /// Points <paramref name="options"/> at the store. A relative SQLite file is resolved against
    /// <paramref name="contentRoot"/> and its folder created, so the first run needs no set-up.
    /// </summary>
    public static DbContextOptionsBuilder UsePortalStore(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString, string contentRoot)
    {
        var cs = string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString;
        return provider switch
        {
            DatabaseProvider.Sqlite => SqliteStore.Configure(options, cs, contentRoot),
            // PostgreSQL needs its own provider package and migrations; until they exist, fail at start, clearly.
            _ => throw new InvalidOperationException(
                $"{ProviderKey}={provider} is not available in this build; set {ProviderKey} to Sqlite."),
        };
    }

    /// <summary>Applies pending migrations and the engine's one-time settings. Safe to call on every start.</summary>
    public static async Task MigrateAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (SqliteStore.IsSqlite(db))
        {
            await SqliteStore.PrepareFileAsync(db, cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
