using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HelpPortal.Web.Tests.Feedback;
using Npgsql;

namespace HelpPortal.Web.Tests.Hosting;

/// <summary>
/// Two real portal processes on two ports sharing one PostgreSQL database, as behind a load balancer without
/// sticky sessions: votes through both, a sign-in on one used on the other, the same exact totals on both.
/// Needs the loopback PostgreSQL of <c>.ci/services/postgres.sh</c> (or <c>HELPPORTAL_POSTGRES</c>).
/// </summary>
public sealed class SeveralInstancesOnPostgresTests : IAsyncLifetime
{
    private const string Article = "/en/articles/troubleshooting-email";
    private const string Password = "a long enough passphrase 2";
    private readonly string _database = $"helpportal_test_{Guid.NewGuid():N}";
    private readonly List<PortalProcess> _portals = [];

    private static string Server => Environment.GetEnvironmentVariable("HELPPORTAL_POSTGRES") is { Length: > 0 } set
        ? set
        : "Host=127.0.0.1;Port=5432;Username=helpportal;Password=helpportal";

    private string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ToString();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TwoInstancesShareVotesSignInsAndTotals()
    {
        // One after the other: the first creates and migrates the database, the second finds it ready.
        var first = await StartAsync();
        var second = await StartAsync();
        var added = await first.RunCommandAsync(["add-user", "lead@example.com", "--role", "SupportLead"], Password + "\n");
        Assert.True(added.Exit == 0, added.Output);

        // Six visitors on six networks, alternating instances: four say yes, two say no.
        for (var i = 0; i < 6; i++)
        {
            using var visitor = LoopbackVisitors.Browser(i, new CookieContainer(), (i % 2 == 0 ? first : second).BaseAddress);
            var vote = await FeedbackPortal.PostFormAsync(visitor, Article, $"{Article}/feedback", new() { ["helpful"] = i < 4 ? "yes" : "no" });
            Assert.Equal(HttpStatusCode.SeeOther, vote.StatusCode);
        }
        // A seventh votes "yes" on the first and changes it to "no" on the second: the visitor cookie and the
        // antiforgery token are protected with the shared keys, so it is the same vote, replaced.
        var changer = new CookieContainer();
        using (var onFirst = Browser(changer, first))
        {
            Assert.Equal(HttpStatusCode.SeeOther,
                (await FeedbackPortal.PostFormAsync(onFirst, Article, $"{Article}/feedback", new() { ["helpful"] = "yes" })).StatusCode);
        }
        using (var onSecond = Browser(changer, second))
        {
            Assert.Equal(HttpStatusCode.SeeOther,
                (await FeedbackPortal.PostFormAsync(onSecond, Article, $"{Article}/feedback", new() { ["helpful"] = "no" })).StatusCode);
        }

        // Sign in on the first instance only; the cookie opens the dashboards of both.
        var lead = new CookieContainer();
        using (var signIn = Browser(lead, first))
        {
            var response = await FeedbackPortal.PostFormAsync(signIn, "/account/login", "/account/login", new()
            {
                ["Input.Email"] = "lead@example.com",
                ["Input.Password"] = Password,
            });
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"sign-in answered {(int)response.StatusCode}");
        }
        foreach (var portal in new[] { first, second })
        {
            using var staff = Browser(lead, portal);
            var dashboard = await staff.GetAsync("/admin/feedback");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("Troubleshooting email", await dashboard.Content.ReadAsStringAsync());

            var csv = await staff.GetStringAsync("/admin/feedback.csv");
            var row = csv.Split("\r\n").Single(line => line.StartsWith("troubleshooting-email,en,", StringComparison.Ordinal)).Split(',');
            Assert.Equal(("4", "3", "7"), (row[3], row[4], row[7]));
        }
    }

    private async Task<PortalProcess> StartAsync()
    {
        var portal = PortalProcess.Start(FreePort(), ConnectionString);
        _portals.Add(portal);
        await portal.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return portal;
    }

    private static HttpClient Browser(CookieContainer cookies, PortalProcess portal) =>
        LoopbackVisitors.Browser(100, cookies, portal.BaseAddress);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        foreach (var portal in _portals)
        {
            portal.Dispose();
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The built portal (the copy beside the test binaries) as its own process on loopback.</summary>
    private sealed class PortalProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();
        private readonly string _connectionString;

        private PortalProcess(Process process, Uri baseAddress, string connectionString)
        {
            _process = process;
            BaseAddress = baseAddress;
            _connectionString = connectionString;
        }

        public Uri BaseAddress { get; }

        public static PortalProcess Start(int port, string connectionString)
        {
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            var process = new Process { StartInfo = StartInfo(connectionString, ["--urls", baseAddress.ToString().TrimEnd('/')]) };
            var portal = new PortalProcess(process, baseAddress, connectionString);
            process.OutputDataReceived += (_, e) => portal.Append(e.Data);
            process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return portal;
        }

        /// <summary>Runs a command verb of the same build against the same store, as an operator would.</summary>
        public async Task<(int Exit, string Output)> RunCommandAsync(string[] args, string input)
        {
            using var command = new Process { StartInfo = StartInfo(_connectionString, args) };
            command.StartInfo.RedirectStandardInput = true;
            command.Start();
            await command.StandardInput.WriteAsync(input);
            command.StandardInput.Close();
            var output = command.StandardOutput.ReadToEndAsync();
            var error = command.StandardError.ReadToEndAsync();
            await command.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
            return (command.ExitCode, await output + await error);
        }

        public async Task WaitUntilHealthyAsync(TimeSpan timeout)
        {
            using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Log}");
                }
                try
                {
                    if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Busy starting.
                }
                await Task.Delay(250);
            }
            throw new TimeoutException($"The portal at {BaseAddress} was not healthy in time:\n{Log}");
        }

        private string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }

        private static ProcessStartInfo StartInfo(string connectionString, IEnumerable<string> args)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HelpPortal.Web.dll"));
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            // Testing: plain HTTP on loopback, so the staff cookie is not marked Secure.
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Portal"] = connectionString;
            start.Environment["Content__Path"] = RepositoryPaths.Content;
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            return start;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            _process.Dispose();
        }
    }
}
