namespace HelpPortal.Mail.Limits;

/// <summary>
/// Counts per key over a sliding window (kept as a few buckets per window). In memory for one instance; the portal
/// registers a store-backed one on PostgreSQL so that every instance shares the same counts and N instances together
/// allow exactly the configured number, not N times it.
/// </summary>
public interface ILimitCounter
{
    /// <summary>
    /// Adds one to <paramref name="key"/> unless the last <paramref name="window"/> already holds
    /// <paramref name="limit"/>; atomic across everyone sharing the counter. Null when refused.
    /// </summary>
    Task<LimitTicket?> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Takes back one that <see cref="TryTakeAsync"/> added (a reservation that was not used).</summary>
    Task ReturnAsync(LimitTicket ticket, CancellationToken cancellationToken);
}

/// <summary>One counted unit: the key and the bucket it was counted in, so it can be taken back from the same one.</summary>
public sealed record LimitTicket(string Key, DateTimeOffset Bucket);

/// <summary>The bucket arithmetic both counters share.</summary>
public static class LimitWindow
{
    /// <summary>Buckets per window: the window slides in steps of a tenth of itself.</summary>
    public const int BucketsPerWindow = 10;

    public static DateTimeOffset BucketOf(DateTimeOffset now, TimeSpan window)
    {
        var size = window.Ticks / BucketsPerWindow;
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % size), TimeSpan.Zero);
    }

    /// <summary>Buckets that started after this moment are inside the window that ends now.</summary>
    public static DateTimeOffset OldestBucketAfter(DateTimeOffset now, TimeSpan window) => BucketOf(now, window) - window;
}
