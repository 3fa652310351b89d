using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace HelpPortal.Web.Tests.Feedback;

/// <summary>
/// The real portal as its own process, killed without warning while many visitors vote: every vote it answered
/// with "thanks" (303) must be in the SQLite file afterwards, once.
/// </summary>
public sealed class VotesSurviveACrashTests
{
    private const string FirstArticle = "troubleshooting-email";
    private const int VotesPerVisitor = 2_000;
    private const int KillAfter = 600;

    private readonly ConcurrentQueue<string> output = new();
    private int answeredCount;

    private static readonly string[] Articles =
    [
        "change-mail-password", "common-error-messages", "sending-limits", "set-up-iphone-ipad", "set-up-outlook",
        "set-up-thunderbird", "update-contact-details", "use-webmail",
    ];

    [Fact]
    public async Task EveryVoteAnsweredBeforeAKillIsStoredOnce()
    {
        var folder = Directory.CreateTempSubdirectory("helpportal-crash-").FullName;
        var database = Path.Combine(folder, "portal.db");
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var portal = StartPortal(database, baseAddress);
        try
        {
            await WaitUntilUpAsync(portal, baseAddress);
            const int visitorCount = 30;
            // Each from its own network: cookie-less first votes from one network would count once.
            var visitors = Enumerable.Range(0, visitorCount).Select(k => NewClient(k, baseAddress)).ToList();

            // Each visitor first signs its votes: a "No" with a comment naming it, so its rows can be found later.
            await Task.WhenAll(visitors.Select(async (client, k) =>
            {
                var token = await TokenAsync(client, FirstArticle);
                Assert.Equal(HttpStatusCode.SeeOther, (await VoteAsync(client, token, FirstArticle, new() { ["helpful"] = "no" })).StatusCode);
                Assert.Equal(HttpStatusCode.SeeOther, (await VoteAsync(client, token, FirstArticle, new()
                {
                    ["helpful"] = "no", ["step"] = "details", ["reason"] = "other", ["comment"] = Name(k),
                })).StatusCode);
            }));

            // Then all of them keep voting, round after round over the other articles with a changing answer, and the
            // process dies part-way. Each visitor waits for one answer before its next vote, so at the kill at most one
            // vote per visitor is in flight: sent, perhaps stored, never answered.
            var votes = new ConcurrentBag<Cast>();
            using var enough = new SemaphoreSlim(0);
            var load = visitors.Select((client, k) => Task.Run(async () =>
            {
                var token = await TokenAsync(client, FirstArticle);
                for (var i = 0; i < VotesPerVisitor; i++)
                {
                    var cast = new Cast(k, i, Articles[i % Articles.Length], Helpful(k, i));
                    votes.Add(cast);
                    try
                    {
                        var response = await VoteAsync(client, token, cast.Slug, new() { ["helpful"] = cast.Helpful ? "yes" : "no" });
                        Assert.True(response.StatusCode == HttpStatusCode.SeeOther,
                            $"{cast.Slug}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        cast.Answered = true;
                        if (Interlocked.Increment(ref answeredCount) == KillAfter)
                        {
                            enough.Release();
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return; // The portal is gone.
                    }
                }
            })).ToList();

            if (!await enough.WaitAsync(TimeSpan.FromSeconds(60)))
            {
                var failures = load.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!.Message).Distinct();
                Assert.Fail($"only {answeredCount} votes answered in 60 s; {string.Join("; ", failures)}");
            }
            portal.Kill(); // SIGKILL: no shutdown, no flush, no disposal.
            await portal.WaitForExitAsync();
            await Task.WhenAll(load);
            visitors.ForEach(client => client.Dispose());

            Assert.Equal(128 + 9, portal.ExitCode);
            var answered = votes.Where(v => v.Answered).ToList();
            Assert.True(answered.Count < visitorCount * VotesPerVisitor, "the kill came after the load had finished");

            var rows = ReadVotes(database);
            var visitorIds = rows.Where(r => r.Slug == FirstArticle && r.Comment is not null)
                .ToDictionary(r => r.Comment!, r => r.VisitorId);
            Assert.Equal(visitorCount, visitorIds.Count);
            foreach (var pair in votes.GroupBy(v => (v.Visitor, v.Slug)))
            {
                var lastAnswered = pair.Where(v => v.Answered).MaxBy(v => v.Index);
                var inFlight = pair.Where(v => !v.Answered && v.Index > (lastAnswered?.Index ?? -1)).ToList();
                Assert.True(inFlight.Count <= 1, "a visitor had more than one vote in flight");
                var stored = rows.Where(r => r.VisitorId == visitorIds[Name(pair.Key.Visitor)] && r.Slug == pair.Key.Slug).ToList();
                if (lastAnswered is null)
                {
                    // Never answered: it may or may not have reached the file, but only as the vote that was sent.
                    Assert.True(stored.Count == 0 || (stored.Count == 1 && stored[0].Helpful == inFlight.Single().Helpful));
                    continue;
                }

                // Answered: stored once, holding that answer or the one still in flight when the process died.
                var row = Assert.Single(stored);
                Assert.Contains(row.Helpful, inFlight.Select(v => v.Helpful).Append(lastAnswered.Helpful));
            }

            // Nothing doubled and nothing invented: one row per visitor per article, and only for articles voted on.
            Assert.Equal(rows.Count, rows.Select(r => (r.VisitorId, r.Lang, r.Slug)).Distinct().Count());
            var votedPairs = votes.Select(v => (visitorIds[Name(v.Visitor)], v.Slug)).ToHashSet();
            Assert.All(rows.Where(r => r.Slug != FirstArticle), r => Assert.Contains((r.VisitorId, r.Slug), votedPairs));
        }
        finally
        {
            if (!portal.HasExited)
            {
                portal.Kill();
            }

            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans temp folders.
            }
        }
    }

    private static string Name(int visitor) => $"visitor {visitor}";

    // Varies with both the visitor and the round, so a replaced vote differs from the one before it.
    private static bool Helpful(int visitor, int index) => (visitor + index / Articles.Length) % 2 == 0;

    private sealed record Cast(int Visitor, int Index, string Slug, bool Helpful)
    {
        public volatile bool Answered;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        output.Enqueue(line);
        while (output.Count > 40 && output.TryDequeue(out _))
        {
        }
    }

    private Process StartPortal(string database, Uri baseAddress)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "HelpPortal.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HelpPortal.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={database}";
        start.Environment["Content__Path"] = RepositoryPaths.Content;
        // All visitors come from loopback; the per-client limit would otherwise turn most of them away.
        start.Environment["Feedback__VotesPerClientPerMinute"] = "100000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Drain the output so a chatty log never blocks the portal; keep the tail to explain a failed start.
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilUpAsync(Process portal, Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        // Generous: a loaded build machine can take many seconds to start a process.
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(portal.HasExited, $"the portal exited with {(portal.HasExited ? portal.ExitCode : 0)}:\n{string.Join('\n', output)}");
            try
            {
                if ((await client.GetAsync($"/en/articles/{FirstArticle}")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the portal did not come up within 90 s:\n{string.Join('\n', output)}");
    }

    private static HttpClient NewClient(int visitor, Uri baseAddress) =>
        LoopbackVisitors.Browser(visitor, new CookieContainer(), baseAddress, TimeSpan.FromSeconds(30));

    private static async Task<Dictionary<string, string>> TokenAsync(HttpClient client, string slug) =>
        FeedbackPortal.HiddenFields(await client.GetStringAsync($"/en/articles/{slug}"));

    private static async Task<HttpResponseMessage> VoteAsync(
        HttpClient client, Dictionary<string, string> hidden, string slug, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(hidden);
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return await FeedbackPortal.PostFromOwnPageAsync(client, $"/en/articles/{slug}/feedback", form);
    }

    private static List<(string VisitorId, string Lang, string Slug, bool Helpful, string? Comment)> ReadVotes(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT VisitorId, Lang, Slug, Helpful, Comment FROM Votes";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string, bool, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
