using HelpPortal.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// <c>backup PATH</c>: a consistent copy of the SQLite store, safe while the portal runs.
/// <c>VACUUM INTO</c> reads inside one transaction, so the copy is a single moment even with writers busy.
/// </summary>
internal static class BackupCommand
{
    public static Task<int> RunAsync(WebApplication app, string[] args, TextWriter output) =>
        RunAsync(app.Services, args, output, CancellationToken.None);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length != 1 || string.IsNullOrWhiteSpace(args[0]))
        {
            await output.WriteLineAsync("usage: backup PATH   (PATH is the new file to write; it must not exist)");
            return 2;
        }
        var provider = PortalStore.ParseProvider(services.GetRequiredService<IConfiguration>()[PortalStore.ProviderKey]);
        if (provider != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync($"backup: the store runs on {provider}; back it up with that server's own tools (for PostgreSQL: pg_dump).");
            return 1;
        }
        var target = Path.GetFullPath(args[0]);
        if (File.Exists(target) || Directory.Exists(target))
        {
            await output.WriteLineAsync($"backup: {target} already exists; choose a new file name, nothing was written.");
            return 1;
        }
        var folder = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            await output.WriteLineAsync($"backup: the folder {folder} does not exist.");
            return 1;
        }

        var contexts = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (!File.Exists(source))
        {
            await output.WriteLineAsync($"backup: there is no store at {source} yet; start the portal once first.");
            return 1;
        }
        try
        {
            // The path goes in as a parameter, so quotes in a file name cannot change the statement.
            await db.Database.ExecuteSqlRawAsync("VACUUM INTO @target", [new SqliteParameter("@target", target)], cancellationToken);
        }
        catch (SqliteException ex)
        {
            await output.WriteLineAsync($"backup: SQLite could not write {target}: {ex.Message}");
            return 1;
        }
        await output.WriteLineAsync($"backup: wrote a consistent copy of the store to {target}");
        return 0;
    }
}
