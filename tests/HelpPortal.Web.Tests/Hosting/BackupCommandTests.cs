using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Tests.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Hosting;

public sealed class BackupCommandTests
{
    [Fact]
    public async Task TheBackupIsAValidDatabaseHoldingEveryVote()
    {
        using var portal = new FeedbackPortal();
        var votes = portal.Services.GetRequiredService<VoteStore>();
        for (var i = 0; i < 25; i++)
        {
            await votes.CastAsync(new VoteInput($"visitor-{i}", "en", "imap-settings", "rev1", i % 3 != 0, null, null), default);
        }
        var target = Path.Combine(Directory.CreateTempSubdirectory("helpportal-backup-").FullName, "copy's.db");
        using var output = new StringWriter();

        var exit = await BackupCommand.RunAsync(portal.Services, [target], output, default);

        Assert.True(exit == 0, output.ToString());
        await using var copy = await OpenIntactCopyAsync(target);
        await using var check = copy.CreateCommand();
        check.CommandText = "SELECT COUNT(*), SUM(Helpful) FROM Votes;";
        await using var reader = await check.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(25, reader.GetInt32(0));
        Assert.Equal(16, reader.GetInt32(1));
    }

    [Fact]
    public async Task ABackupTakenWhileVotesArriveIsConsistent()
    {
        using var portal = new FeedbackPortal();
        var votes = portal.Services.GetRequiredService<VoteStore>();
        for (var i = 0; i < 10; i++)
        {
            await votes.CastAsync(new VoteInput($"early-{i}", "en", "imap-settings", "rev1", true, null, null), default);
        }
        var target = Path.Combine(Directory.CreateTempSubdirectory("helpportal-backup-").FullName, "live.db");
        using var output = new StringWriter();

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await votes.CastAsync(new VoteInput($"late-{i}", "en", "imap-settings", "rev1", false, null, null), default);
            }
        });
        var exit = await BackupCommand.RunAsync(portal.Services, [target], output, default);
        await writer;

        Assert.True(exit == 0, output.ToString());
        await using var copy = await OpenIntactCopyAsync(target);
        await using var check = copy.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM Votes WHERE VisitorId LIKE 'early-%';";
        Assert.Equal(10L, await check.ExecuteScalarAsync());
    }

    [Fact]
    public async Task TheBackupRefusesAnExistingTargetAndLeavesItAlone()
    {
        using var portal = new FeedbackPortal();
        var target = Path.Combine(Directory.CreateTempSubdirectory("helpportal-backup-").FullName, "taken.db");
        await File.WriteAllTextAsync(target, "keep me");
        using var output = new StringWriter();

        var exit = await BackupCommand.RunAsync(portal.Services, [target], output, default);

        Assert.Equal(1, exit);
        Assert.Contains("already exists", output.ToString());
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task OnPostgresTheBackupPointsToPgDump()
    {
        using var portal = new FeedbackPortal();
        var configured = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [PortalStore.ProviderKey] = "Postgres" }).Build())
            .BuildServiceProvider();
        using var output = new StringWriter();

        var exit = await BackupCommand.RunAsync(configured, ["unused.db"], output, default);

        Assert.Equal(1, exit);
        Assert.Contains("pg_dump", output.ToString());
    }

    /// <summary>Opens the copy read-only after SQLite's own check says every page and index is sound.</summary>
    private static async Task<SqliteConnection> OpenIntactCopyAsync(string path)
    {
        var copy = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        return copy;
    }
}
