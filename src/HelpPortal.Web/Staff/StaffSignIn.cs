using System.Collections.Concurrent;
using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace HelpPortal.Web.Staff;

/// <summary>
/// Checks a staff password and signs in. Failures lock the pair of account and client network, not the account:
/// locking the account alone would let anyone who knows a lead's address keep them out for good by failing on
/// purpose. Unknown, wrong and locked all look the same to the person trying, and cost the same password hash.
/// </summary>
internal sealed class StaffSignIn(SignInManager<StaffUser> signIn, StaffLockout lockout)
{
    /// <summary>A hash of a random password: checked for unknown accounts so they take as long as known ones.</summary>
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString("N")));

    public async Task<bool> TrySignInAsync(HttpContext http, string email, string password)
    {
        var key = StaffLockout.Key(email, ClientPartition.Key(http));
        if (lockout.IsLocked(key))
        {
            return false;
        }
        var user = await signIn.UserManager.FindByNameAsync(email);
        if (user is null)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new StaffUser(), DecoyHash.Value, password);
            lockout.RecordFailure(key);
            return false;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            lockout.Reset(key);
            return true;
        }
        lockout.RecordFailure(key);
        return false;
    }
}

/// <summary>Failed staff sign-ins per (account, client network): after <see cref="MaxFailures"/> in a row, a pause.</summary>
internal sealed class StaffLockout(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Failures> _failures = new();

    public static string Key(string email, string client) => $"{email.Trim().ToUpperInvariant()}\n{client}";

    public bool IsLocked(string key)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return false;
        }
        if (time.GetUtcNow() - failures.Last >= LockoutTime)
        {
            // The pause is over (or the failures are old): start counting again.
            _failures.TryRemove(new KeyValuePair<string, Failures>(key, failures));
            return false;
        }
        return failures.Count >= MaxFailures;
    }

    public void RecordFailure(string key)
    {
        var now = time.GetUtcNow();
        _failures.AddOrUpdate(key, _ => new Failures(1, now),
            (_, old) => now - old.Last >= LockoutTime ? new Failures(1, now) : new Failures(old.Count + 1, now));
        Prune(now);
    }

    public void Reset(string key) => _failures.TryRemove(key, out _);

    /// <summary>Keeps the table from growing without bound under a spray of made-up addresses.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_failures.Count < 10_000)
        {
            return;
        }
        foreach (var (key, failures) in _failures)
        {
            if (now - failures.Last >= LockoutTime)
            {
                _failures.TryRemove(new KeyValuePair<string, Failures>(key, failures));
            }
        }
    }

    private sealed record Failures(int Count, DateTimeOffset Last);
}
