using HelpPortal.Feedback;
using HelpPortal.Mail.Limits;
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
        // Every attempt is counted as a failure first and given back when it succeeds, so attempts running at once
        // cannot together pass the limit.
        var attempt = await lockout.BeginAttemptAsync(StaffLockout.Key(email, ClientPartition.Key(http)), http.RequestAborted);
        if (attempt is null)
        {
            return false;
        }
        var user = await signIn.UserManager.FindByNameAsync(email);
        if (user is null)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new StaffUser(), DecoyHash.Value, password);
            return false;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await lockout.SucceededAsync(attempt, CancellationToken.None);
            return true;
        }
        return false;
    }
}

/// <summary>
/// Failed staff sign-ins per (account, client network): at most <see cref="MaxFailures"/> in any
/// <see cref="LockoutTime"/>. Counted by the portal's <see cref="ILimitCounter"/>, so on PostgreSQL every instance
/// shares the count and several instances together allow exactly <see cref="MaxFailures"/>, not a multiple.
/// </summary>
internal sealed class StaffLockout(ILimitCounter counter, ILogger<StaffLockout> logger)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static string Key(string email, string client) => $"staff-sign-in:{email.Trim().ToUpperInvariant()}\n{client}";

    /// <summary>
    /// Counts the attempt as a failure; null when the pair already has <see cref="MaxFailures"/> failures in the
    /// window (locked), or when the count cannot be read (then refusing is the safe answer).
    /// </summary>
    public async Task<LimitTicket?> BeginAttemptAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await counter.TryTakeAsync(key, MaxFailures, LockoutTime, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The staff sign-in count could not be read; the attempt is refused");
            return null;
        }
    }

    /// <summary>The attempt signed in: it was not a failure.</summary>
    public Task SucceededAsync(LimitTicket attempt, CancellationToken cancellationToken) => counter.ReturnAsync(attempt, cancellationToken);
}
