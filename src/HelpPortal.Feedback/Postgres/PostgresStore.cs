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
    /// Applies the migrations while holding a database-wide advisory lock, so instances starting at once apply
    /// them one after the other: EF Core's own lock is taken per migration, and with more than one pending the
    /// second instance would try to create tables the first has just made (42P07).
    /// </summary>
    public static async Task MigrateOneAtATimeAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Any fixed number; it only has to be the same in every instance and unused by anything else.
    private const long MigrationLock = 0x48656c70506f7274;
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
