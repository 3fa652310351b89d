using HelpPortal.Feedback;
using HelpPortal.Mail;
using HelpPortal.Mail.Limits;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Staff;
using HelpPortal.Web.Tester;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpPortal.Web.Tests.Tester;

/// <summary>
/// Two portal instances' tester limits over one real PostgreSQL, as the portal registers them there: failed
/// sign-ins for one mailbox (and staff sign-ins for one account) alternate between the instances, and together they
/// allow exactly the configured count.
/// </summary>
public sealed class SharedTesterLimitsOnPostgresTests : IAsyncLifetime
{
    private readonly string _database = $"helpportal_test_{Guid.NewGuid():N}";
    private DbContextOptions<PortalDbContext>? _options;

    private static string Server => Environment.GetEnvironmentVariable("HELPPORTAL_POSTGRES") is { Length: > 0 } set
        ? set
        : "Host=127.0.0.1;Port=5432;Username=helpportal;Password=helpportal";

    public async Task InitializeAsync()
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalStore(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ToString(), Path.GetTempPath());
        _options = builder.Options;
        await using var db = PortalStore.CreateContext(_options);
        await PortalStore.MigrateAsync(db, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server + ";Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task FailedSignInsAlternatingBetweenTwoInstancesTripTheLimitAtTheConfiguredCount()
    {
        var engine = new WrongPasswordEngine();
        var instances = new[] { Instance(engine), Instance(engine) };
        var results = new List<MailTestResult>();

        for (var i = 0; i < 7; i++)
        {
            var request = new MailTestRequest("anna@example.com", "guess", false, $"192.0.2.{i}");
            results.Add(await instances[i % 2].RunAsync(request, _ => { }, CancellationToken.None));
        }

        Assert.Equal(Enumerable.Repeat(Diagnosis.AuthFailed, 5), results.Take(5).Select(r => r.Diagnosis));
        Assert.All(results.Skip(5), r => Assert.Equal(Diagnosis.RateLimited, r.Diagnosis));
        Assert.All(results.Skip(5), r => Assert.Equal(RateLimitReason.FailedSignIns, r.FailedStepId));
        // Nothing reached a server after the limit tripped.
        Assert.Equal(5, engine.Calls);
    }

    [Fact]
    public async Task StaffSignInFailuresOnTwoInstancesLockThePairAtTheConfiguredCount()
    {
        var lockouts = new[] { StaffInstance(), StaffInstance() };
        var key = StaffLockout.Key("lead@example.com", "203.0.113.66");
        var allowed = new List<bool>();

        for (var i = 0; i < StaffLockout.MaxFailures + 2; i++)
        {
            allowed.Add(await lockouts[i % 2].BeginAttemptAsync(key, CancellationToken.None) is not null);
        }

        Assert.Equal(Enumerable.Repeat(true, StaffLockout.MaxFailures).Concat([false, false]), allowed);
    }

    private StaffLockout StaffInstance() => new(
        new StoreBackedLimitCounter(new StoreLimitCounter(new PortalDbContextFactory(_options!), TimeProvider.System)),
        NullLogger<StaffLockout>.Instance);

    private LimitedMailTester Instance(IMailTester engine)
    {
        var counter = new StoreBackedLimitCounter(new StoreLimitCounter(new PortalDbContextFactory(_options!), TimeProvider.System));
        var limits = new MailTesterLimits(Options.Create(new MailTesterOptions { FailedSignInsPerMailbox = 5 }), counter);
        return new LimitedMailTester(engine, limits, NullLogger<LimitedMailTester>.Instance, NoStatistics);
    }

    /// <summary>Stands in for the server: every sign-in is refused, and every call is one a server would have seen.</summary>
    private sealed class WrongPasswordEngine : IMailTester
    {
        private int _calls;

        public int Calls => _calls;

        public Task<MailTestResult> RunAsync(MailTestRequest request, Action<MailTestStep> onStep, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            onStep(new MailTestStep("imap-auth", "IMAP", StepStatus.Running, TimeSpan.Zero));
            onStep(new MailTestStep("imap-auth", "IMAP", StepStatus.Failed, TimeSpan.FromMilliseconds(3)));
            return Task.FromResult(new MailTestResult(Diagnosis.AuthFailed, [], "imap-auth"));
        }
    }

    /// <summary>These tests look at the verdict, not at the statistics.</summary>
    private static Task NoStatistics(string diagnosis, CancellationToken cancellationToken) => Task.CompletedTask;
}
