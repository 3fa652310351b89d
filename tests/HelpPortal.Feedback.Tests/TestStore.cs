using HelpPortal.Feedback;
using Microsoft.Data.Sqlite;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HelpPortal.Feedback.Tests;

/// <summary>
/// A fresh, migrated store handed out as a context factory: a SQLite file in a temporary folder, or a database of
/// its own on the loopback PostgreSQL, dropped again on dispose.
/// </summary>
internal sealed class TestStore : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<PortalDbContext> _options;
    private readonly string? _postgresDatabase;
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private TestStore(string folder, DatabaseProvider provider, string? postgresDatabase)
    {
        Folder = folder;
        Provider = provider;
        _postgresDatabase = postgresDatabase;
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalStore(provider,
            postgresDatabase is null ? "Data Source=data/store.db" : TestPostgres.ConnectionString(postgresDatabase), folder);
        _options = builder.Options;
        Metrics = new PortalMetrics(_meters.GetRequiredService<IMeterFactory>());
    }

    public string Folder { get; }
    public DatabaseProvider Provider { get; }
    public ManualTime Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The counters the stores add to, on a meter of this store's own.</summary>
    public PortalMetrics Metrics { get; }

    public static async Task<TestStore> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var folder = Directory.CreateTempSubdirectory("helpportal-store-").FullName;
        var store = new TestStore(folder, provider, provider == DatabaseProvider.Postgres ? TestPostgres.NewDatabaseName() : null);
        await using var db = store.CreateDbContext();
        // On PostgreSQL this also creates the database, as a first start of the portal would.
        await PortalStore.MigrateAsync(db, CancellationToken.None);
        return store;
    }

    public PortalDbContext CreateDbContext() => PortalStore.CreateContext(_options);

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _meters.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgresDatabase);
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temporary folders; a held file must not fail a test.
        }
    }
}

/// <summary>
/// The PostgreSQL that <c>.ci/services/postgres.sh</c> starts on loopback (role helpportal with CREATEDB).
/// <c>HELPPORTAL_POSTGRES</c> may name another server as a connection string without a database.
/// </summary>
internal static class TestPostgres
{
    private const string Variable = "HELPPORTAL_POSTGRES";
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=helpportal;Password=helpportal";

    private static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } set ? set : DefaultServer;

    public static string NewDatabaseName() => $"helpportal_test_{Guid.NewGuid():N}";

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ToString();

    public static async Task DropDatabaseAsync(string database)
    {
        // The pool would otherwise keep sessions open in the database being dropped.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }
}

internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
