using System.Net;
using HelpPortal.Feedback;
using HelpPortal.Web.Tests.Feedback;
using HelpPortal.Web.Tests.Search;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HelpPortal.Web.Tests.Hosting;

/// <summary>
/// The store goes away under a running portal: searching goes on, a vote is refused with 503 and nothing of it is
/// kept, and /healthz says so. SQLite held by another writer; PostgreSQL with the portal's database dropped.
/// </summary>
public sealed class StoreOutageTests
{
    private const string Article = "/en/articles/smtp-settings";

    [Fact]
    public async Task WhileAnotherWriterHoldsTheSqliteFileSearchWorksAndTheVoteIsRefusedWithoutAHalfWrite()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();
        var form = FeedbackPortal.HiddenFields(await client.GetStringAsync(Article));

        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(portal.DataDirectory, "portal.db")};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN EXCLUSIVE; DELETE FROM \"Votes\";";
            await hold.ExecuteNonQueryAsync();

            await AssertReaderKeepsWorkingAsync(client, form);

            await using var release = holder.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }

        Assert.Equal((0, 0), await portal.CountAsync("en", "smtp-settings"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task WhenThePostgresDatabaseIsGoneSearchWorksAndTheVoteIsRefused()
    {
        var server = Environment.GetEnvironmentVariable("HELPPORTAL_POSTGRES") is { Length: > 0 } set
            ? set
            : "Host=127.0.0.1;Port=5432;Username=helpportal;Password=helpportal";
        var database = $"helpportal_test_{Guid.NewGuid():N}";
        using var portal = new FeedbackPortal(new Dictionary<string, string?>
        {
            [PortalStore.ProviderKey] = "Postgres",
            ["ConnectionStrings:Portal"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString(),
        }, SearchContent.Catalog());
        try
        {
            using var client = portal.CreateClient();
            var form = FeedbackPortal.HiddenFields(await client.GetStringAsync(Article));

            await DropAsync(server, database);

            await AssertReaderKeepsWorkingAsync(client, form);
        }
        finally
        {
            await DropAsync(server, database);
        }
    }

    private static async Task AssertReaderKeepsWorkingAsync(HttpClient client, Dictionary<string, string> form)
    {
        var search = await client.GetAsync("/en/search?q=smtp");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains("Outgoing server (SMTP)", await search.Content.ReadAsStringAsync());

        form["helpful"] = "yes";
        using var post = new HttpRequestMessage(HttpMethod.Post, $"{Article}/feedback") { Content = new FormUrlEncodedContent(form) };
        post.Headers.Add("Sec-Fetch-Site", "same-origin");
        var vote = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, vote.StatusCode);
        Assert.NotNull(vote.Headers.RetryAfter);
        Assert.Contains("Your vote was not saved", await vote.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }

    private static async Task DropAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }
}
