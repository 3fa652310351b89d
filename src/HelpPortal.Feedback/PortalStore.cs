using HelpPortal.Feedback.Postgres;
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
            DatabaseProvider.Postgres => PostgresStore.Configure(options, cs),
            _ => throw new InvalidOperationException($"{ProviderKey} must be Sqlite or Postgres, not '{provider}'."),
        };
    }

    /// <summary>
    /// A context for <paramref name="options"/>. Each engine has its own migrations, and EF Core finds
    /// migrations by context type, so PostgreSQL gets <see cref="PostgresPortalDbContext"/>.
    /// </summary>
    public static PortalDbContext CreateContext(DbContextOptions<PortalDbContext> options) =>
        PostgresStore.IsConfigured(options) ? new PostgresPortalDbContext(options) : new PortalDbContext(options);

    /// <summary>
    /// A bound a caller named "...Utc": read an unspecified kind as UTC, convert local time. PostgreSQL's
    /// <c>timestamp with time zone</c> refuses anything but UTC, and SQLite would compare the text wrongly.
    /// </summary>
    internal static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>Applies pending migrations and the engine's one-time settings. Safe to call on every start.</summary>
    public static async Task MigrateAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (SqliteStore.IsSqlite(db))
        {
            await SqliteStore.PrepareFileAsync(db, cancellationToken);
        }
        else if (PostgresStore.IsPostgres(db))
        {
            if (db is not PostgresPortalDbContext)
            {
                // A plain context would find the SQLite migrations and try them on PostgreSQL.
                throw new InvalidOperationException($"Create the store's context with {nameof(PortalStore)}.{nameof(CreateContext)}.");
            }
            await PostgresStore.EnsureDatabaseAsync(db, cancellationToken);
            await PostgresStore.MigrateOneAtATimeAsync(db, cancellationToken);
            return;
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>The context factory the host registers: every context comes from <see cref="PortalStore.CreateContext"/>.</summary>
public sealed class PortalDbContextFactory(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => PortalStore.CreateContext(options);
}
