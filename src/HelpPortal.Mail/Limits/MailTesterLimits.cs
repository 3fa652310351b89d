using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HelpPortal.Mail.Limits;

/// <summary>
/// The tester's limits: tests per client, failed sign-ins per mailbox and portal-wide (both per hour), and tests
/// running at once. The counts go through <see cref="ILimitCounter"/>, shared by every instance when the store is.
/// </summary>
/// <remarks>
/// The tests running at once are a <see cref="ConcurrencyLimiter"/>: they protect this instance's own sockets. The
/// window counts are not System.Threading.RateLimiting's sliding-window limiters, because a test reserves a failed
/// sign-in when it starts (it may end in one, and parallel tests must not slip past the limit) and gives the
/// reservation back when it ends without one; those limiters cannot return a permit, nor share one across processes.
/// </remarks>
public sealed class MailTesterLimits : IDisposable
{
    private const string PortalKey = "tester-failed-sign-ins";
    private readonly MailTesterOptions _options;
    private readonly ILimitCounter _counter;
    private readonly ConcurrencyLimiter _running;

    public MailTesterLimits(IOptions<MailTesterOptions> options, ILimitCounter counter)
    {
        _options = options.Value;
        _counter = counter;
        _running = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = _options.MaxConcurrentTests, QueueLimit = 0 });
    }

    /// <summary>Tests running right now in this instance.</summary>
    public int Running => _options.MaxConcurrentTests - (int)(_running.GetStatistics()?.CurrentAvailablePermits ?? 0);

    /// <summary>
    /// Takes a slot for one test, or says which limit forbids it (a <see cref="RateLimitReason"/>). A granted slot
    /// must be given back with <see cref="ReleaseAsync"/>. Nothing is counted for a refused test.
    /// </summary>
    public async Task<(MailTestSlot? Slot, string? Reason)> TryAcquireAsync(string clientAddress, string emailAddress, CancellationToken cancellationToken)
    {
        var running = _running.AttemptAcquire();
        if (!running.IsAcquired)
        {
            running.Dispose();
            return (null, RateLimitReason.Concurrency);
        }

        var taken = new List<LimitTicket>();
        try
        {
            var client = string.IsNullOrWhiteSpace(clientAddress) ? "unknown" : clientAddress.Trim();
            // A client key is an address or a network; anything longer is hashed so every counter can hold it.
            client = client.Length <= 64 ? client : Hash("client", client);
            if (await TakeAsync($"tester-client:{client}", _options.TestsPerClient, MailTesterOptions.ClientWindow) is not { } test)
            {
                return await RefuseAsync(RateLimitReason.TestsPerClient);
            }

            if (await TakeAsync($"tester-mailbox:{MailboxKey(emailAddress)}", _options.FailedSignInsPerMailbox, MailTesterOptions.MailboxWindow) is not { } mailbox)
            {
                return await RefuseAsync(RateLimitReason.FailedSignIns);
            }

            if (await TakeAsync(PortalKey, _options.FailedSignInsPerHour, MailTesterOptions.PortalWindow) is not { } portal)
            {
                return await RefuseAsync(RateLimitReason.FailedSignInsPortal);
            }

            return (new MailTestSlot(running, mailbox, portal), null);
        }
        catch
        {
            running.Dispose();
            try
            {
                await ReturnAllAsync(taken);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The counter that just failed may fail again; the first failure is the one the caller logs.
            }

            throw;
        }

        async Task<LimitTicket?> TakeAsync(string key, int limit, TimeSpan window)
        {
            var ticket = await _counter.TryTakeAsync(key, limit, window, cancellationToken);
            if (ticket is not null)
            {
                taken.Add(ticket);
            }

            return ticket;
        }

        async Task<(MailTestSlot?, string?)> RefuseAsync(string reason)
        {
            // Only a test that starts counts against its client; the mailbox reservations were never used.
            running.Dispose();
            await ReturnAllAsync(taken);
            return (null, reason);
        }
    }

    /// <summary>
    /// Gives a slot back. Unless <paramref name="signInFailed"/>, the failed sign-in reserved for the mailbox and
    /// the portal is taken back; otherwise it stays counted for an hour.
    /// </summary>
    public async Task ReleaseAsync(MailTestSlot slot, bool signInFailed)
    {
        slot.Running.Dispose();
        if (!signInFailed)
        {
            // Given back even when the visitor has gone: a reservation left behind would count as a failure.
            await ReturnAllAsync([slot.MailboxReservation, slot.PortalReservation]);
        }
    }

    public void Dispose() => _running.Dispose();

    private async Task ReturnAllAsync(IEnumerable<LimitTicket> tickets)
    {
        foreach (var ticket in tickets)
        {
            await _counter.ReturnAsync(ticket, CancellationToken.None);
        }
    }

    // Every instance must name a mailbox alike, and no counter may hold an address: a hash of it, under a purpose
    // prefix, kept no longer than the hour it counts for.
    private static string MailboxKey(string emailAddress) => Hash("mailbox", emailAddress.Trim().ToLowerInvariant());

    private static string Hash(string purpose, string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"helpportal-tester-{purpose}\0{value}")))[..32];
}

/// <summary>One granted test: its place among the running tests and the failed sign-in reserved for it.</summary>
public sealed record MailTestSlot(RateLimitLease Running, LimitTicket MailboxReservation, LimitTicket PortalReservation);
