using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

/// <summary>
/// Two portal processes on one PostgreSQL, as behind a load balancer: a visitor's failed sign-ins for one mailbox
/// alternate between them, and together they let through exactly <c>MailTester:FailedSignInsPerMailbox</c>.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SeveralInstancesTesterJourneys(PortalFixture fixture) : IAsyncLifetime
{
    private const int FailedSignInsPerMailbox = 3;
    private readonly string _database = $"helpportal_test_{Guid.NewGuid():N}";
    private readonly List<PortalProcess> _portals = [];
    private readonly List<IBrowserContext> _contexts = [];

    private static string Server => System.Environment.GetEnvironmentVariable("HELPPORTAL_POSTGRES") is { Length: > 0 } set
        ? set
        : "Host=127.0.0.1;Port=5432;Username=helpportal;Password=helpportal";

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FailedSignInsAlternatingBetweenTwoInstancesTripTheLimitAtTheConfiguredCount()
    {
        // One after the other: the first creates and migrates the database, the second finds it ready.
        PortalProcess[] portals = [await StartAsync(), await StartAsync()];
        // A mailbox no other test uses, so the server's log lines for it are this test's alone.
        var mailbox = $"nobody-{Guid.NewGuid():N}@mail.test";

        for (var attempt = 0; attempt < FailedSignInsPerMailbox; attempt++)
        {
            var verdict = await RunAsync(portals[attempt % 2], mailbox);
            await Expect(verdict).ToHaveAttributeAsync("data-diagnosis", "auth-failed", Pages.VerdictWait);
        }

        var tried = await SignInsLoggedAsync(mailbox);
        Assert.Equal(FailedSignInsPerMailbox, tried);

        foreach (var portal in portals)
        {
            var verdict = await RunAsync(portal, mailbox);
            await Expect(verdict).ToHaveAttributeAsync("data-diagnosis", "rate-limited", Pages.VerdictWait);
        }

        // Nothing reached the server after the limit tripped: Dovecot saw no further sign-in for the mailbox.
        Assert.Equal(tried, await SignInsLoggedAsync(mailbox));
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        foreach (var portal in _portals)
        {
            await portal.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task<PortalProcess> StartAsync()
    {
        var settings = new Dictionary<string, string>(fixture.Mail.PortalSettings())
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Portal"] = new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ToString(),
            ["MailTester__TestsPerClient"] = "50",
            ["MailTester__FailedSignInsPerMailbox"] = FailedSignInsPerMailbox.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var portal = await PortalProcess.StartAsync(settings, _ => Task.CompletedTask);
        _portals.Add(portal);
        return portal;
    }

    private async Task<ILocator> RunAsync(PortalProcess portal, string mailbox)
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = portal.BaseUrl, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Pages.Troubleshooting);
        return await page.RunTesterAsync(mailbox, "not-the-password");
    }

    private async Task<int> SignInsLoggedAsync(string mailbox)
    {
        // Dovecot's log process writes a moment after the sign-in; wait until the count is steady.
        var last = -1;
        for (var look = 0; look < 20; look++)
        {
            await using var stream = new FileStream(fixture.Mail.DovecotLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var count = (await reader.ReadToEndAsync()).Split('\n')
                .Count(line => line.Contains($"user=<{mailbox}>", StringComparison.Ordinal) && line.Contains("auth failed", StringComparison.Ordinal));
            if (count == last)
            {
                return count;
            }

            last = count;
            await Task.Delay(300);
        }

        return last;
    }
}
