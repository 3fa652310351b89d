using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HelpPortal.Mail.Limits;

/// <summary>
/// The tester's three limits, counted in memory: tests per client IP, failed sign-ins per mailbox,
/// and tests running at once. One instance per portal process.
/// </summary>
public sealed class MailTesterLimits
{
    private readonly MailTesterOptions _options;
    private readonly TimeProvider _time;
    // A per-process key: the mailbox counters hold no address, and no hash anyone could recompute from one.
    private readonly byte[] _mailboxKey = RandomNumberGenerator.GetBytes(32);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _testsByClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failuresByMailbox = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _runningByMailbox = new(StringComparer.Ordinal);
    private int _running;
    private DateTimeOffset _nextSweep;

    public MailTesterLimits(IOptions<MailTesterOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _nextSweep = time.GetUtcNow() + MailTesterOptions.MailboxWindow;
    }

    /// <summary>Tests running right now.</summary>
    public int Running
    {
        get
        {
            lock (_lock)
            {
                return _running;
            }
        }
    }

    /// <summary>
    /// Takes a slot for one test, or says which limit forbids it. A granted slot must be given back
    /// with <see cref="Release"/>.
    /// </summary>
    public bool TryAcquire(string clientAddress, string emailAddress, out MailTestSlot slot, out string? reason)
    {
        var now = _time.GetUtcNow();
        var mailbox = MailboxKey(emailAddress);
        var client = string.IsNullOrWhiteSpace(clientAddress) ? "unknown" : clientAddress.Trim();
        lock (_lock)
        {
            SweepIfDue(now);
            var tests = Recent(_testsByClient, client, now - MailTesterOptions.ClientWindow);
            var failures = Recent(_failuresByMailbox, mailbox, now - MailTesterOptions.MailboxWindow);
            // Tests still running for this mailbox may each end in a failed sign-in, so they count
            // against its limit; otherwise parallel tests could slip past it.
            var pending = _runningByMailbox.GetValueOrDefault(mailbox);
            reason =
                tests >= _options.TestsPerClient ? RateLimitReason.TestsPerClient
                : failures + pending >= _options.FailedSignInsPerMailbox ? RateLimitReason.FailedSignIns
                : _running >= _options.MaxConcurrentTests ? RateLimitReason.Concurrency
                : null;
            if (reason is not null)
            {
                slot = default;
                return false;
            }
            Append(_testsByClient, client, now);
            _runningByMailbox[mailbox] = pending + 1;
            _running++;
            slot = new MailTestSlot(mailbox);
            return true;
        }
    }

    /// <summary>Gives a slot back; <paramref name="signInFailed"/> counts against the mailbox for an hour.</summary>
    public void Release(MailTestSlot slot, bool signInFailed)
    {
        lock (_lock)
        {
            _running--;
            var pending = _runningByMailbox.GetValueOrDefault(slot.Mailbox) - 1;
            if (pending > 0)
            {
                _runningByMailbox[slot.Mailbox] = pending;
            }
            else
            {
                _runningByMailbox.Remove(slot.Mailbox);
            }
            if (signInFailed)
            {
                Append(_failuresByMailbox, slot.Mailbox, _time.GetUtcNow());
            }
        }
    }

    private string MailboxKey(string emailAddress)
    {
        var normalized = emailAddress.Trim().ToLowerInvariant();
        return Convert.ToHexString(HMACSHA256.HashData(_mailboxKey, Encoding.UTF8.GetBytes(normalized)));
    }

    private static int Recent(Dictionary<string, Queue<DateTimeOffset>> counters, string key, DateTimeOffset since)
    {
        if (!counters.TryGetValue(key, out var times))
        {
            return 0;
        }
        while (times.Count > 0 && times.Peek() <= since)
        {
            times.Dequeue();
        }
        if (times.Count == 0)
        {
            counters.Remove(key);
        }
        return times.Count;
    }

    private static void Append(Dictionary<string, Queue<DateTimeOffset>> counters, string key, DateTimeOffset at)
    {
        if (!counters.TryGetValue(key, out var times))
        {
            counters[key] = times = new Queue<DateTimeOffset>();
        }
        times.Enqueue(at);
    }

    // Clients and mailboxes seen once would otherwise stay in memory for the life of the process.
    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }
        _nextSweep = now + MailTesterOptions.MailboxWindow;
        foreach (var key in _testsByClient.Keys.ToList())
        {
            Recent(_testsByClient, key, now - MailTesterOptions.ClientWindow);
        }
        foreach (var key in _failuresByMailbox.Keys.ToList())
        {
            Recent(_failuresByMailbox, key, now - MailTesterOptions.MailboxWindow);
        }
    }
}

/// <summary>One granted test; holds the mailbox's keyed hash, never its address.</summary>
public readonly record struct MailTestSlot(string Mailbox);
