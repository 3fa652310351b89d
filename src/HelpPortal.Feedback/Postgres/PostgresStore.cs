using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace HelpPortal.Feedback.Postgres;

/// <summary>Everything that only PostgreSQL needs. Several portal instances can share one such store.</summary>
internal static class PostgresStore
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        if (!IsPostgresConnectionString(connectionString))
        {
            throw new InvalidOperationException(
                $"{PortalStore.ProviderKey}=Postgres needs ConnectionStrings:{PortalStore.ConnectionStringName} in the form " +
                "\"Host=...;Database=...;Username=...;Password=...\".");
        }
        // No automatic retries: a retried insert whose commit was in fact received would count a search twice.
        options.UseNpgsql(connectionString);
        return options;
    }

    /// <summary>
    /// Creates the database when it does not exist yet. EF Core's migrator checks and then creates, so two
    /// instances starting at once on a new database both try to create it and one fails; here the loser of
    /// that race finds the database made and goes on to the migrations, which EF Core serializes itself.
    /// </summary>
    public static async Task EnsureDatabaseAsync(DbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Created by another instance between our check and our CREATE DATABASE.
        }
    }

    /// <summary>
    /// Applies the migrations while holding a session lock, so instances starting together take turns. EF Core's own
    /// migration lock did not keep two instances from both applying the second of two pending migrations
    /// ("column already exists"); the one that waits here finds everything applied.
    /// </summary>
    public static async Task MigrateOneAtATimeAsync(DbContext db, CancellationToken cancellationToken)
    {
        const long migrationLock = 0x48_50_4D_49_47; // "HPMIG"
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({migrationLock})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({migrationLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// On PostgreSQL, holds a lock named by <paramref name="key"/> until the current transaction ends; elsewhere nothing
    /// (SQLite's write transaction already excludes every other writer).
    /// </summary>
    public static async Task LockAsync(DbContext db, string key, CancellationToken cancellationToken)
    {
        if (IsPostgres(db))
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        }
    }

    public static bool IsPostgres(DbContext db) => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static bool IsConfigured(DbContextOptions options) =>
        options.Extensions.Any(e => e.Info.IsDatabaseProvider && e.GetType().Assembly == typeof(NpgsqlDbContextOptionsBuilderExtensions).Assembly);

    private static bool IsPostgresConnectionString(string connectionString)
    {
        try
        {
            return !string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>The store on PostgreSQL: the same model, with the migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add --context PostgresPortalDbContext</c> build the model; it never connects.</summary>
internal sealed class DesignTimePostgresPortalDbContextFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UsePortalStore(DatabaseProvider.Postgres, "Host=localhost;Database=helpportal_design", Path.GetTempPath());
        return new PostgresPortalDbContext((DbContextOptions<PortalDbContext>)options.Options);
    }
}
