using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelpPortal.Feedback.Sqlite;

/// <summary>Everything that only SQLite needs: the file's location, WAL and waiting on a busy writer.</summary>
internal static class SqliteStore
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, string contentRoot)
    {
        options.UseSqlite(ResolveConnectionString(connectionString, contentRoot));
        options.AddInterceptors(PragmaInterceptor.Instance);
        return options;
    }

    public static bool IsSqlite(DbContext db) => db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>Makes a relative file absolute under the content root and creates its folder.</summary>
    public static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || source is "" or ":memory:" || source.StartsWith("file:", StringComparison.Ordinal))
        {
            return builder.ToString();
        }
        if (!Path.IsPathRooted(source))
        {
            source = Path.GetFullPath(Path.Combine(contentRoot, source));
        }
        var folder = Path.GetDirectoryName(source);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        builder.DataSource = source;
        return builder.ToString();
    }

    /// <summary>WAL lets readers go on while one writer commits; the mode is stored in the file, so once is enough.</summary>
    public static async Task PrepareFileAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Throws when no write could start within a couple of seconds: a file held by another writer for that long
    /// (a stuck process, a backup tool's lock) leaves readers working, but the store cannot take a vote.
    /// </summary>
    public static async Task ProbeWriteAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // One statement per command: in a batch, the driver lets a busy BEGIN pass without an error.
            // Short waits for this probe only: the interceptor sets the usual ones again on the next open.
            foreach (var statement in (string[])["PRAGMA busy_timeout=2000;", "BEGIN IMMEDIATE;", "ROLLBACK;"])
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandTimeout = 2;
                command.CommandText = statement;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Per-connection settings: SQLite forgets them when a connection closes.</summary>
    private sealed class PragmaInterceptor : DbConnectionInterceptor
    {
        public static PragmaInterceptor Instance { get; } = new();

        // synchronous=NORMAL in WAL mode keeps every committed transaction across a process crash;
        // only a power cut could lose the last commits, and it avoids an fsync per vote.
        private const string Pragmas = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(
            DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
