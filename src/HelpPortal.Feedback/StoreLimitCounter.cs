using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>
/// Limits counted in the shared store, so that every instance of the portal sees the same counts: a sliding window
/// kept as ten buckets per window, one row per key and bucket. For PostgreSQL (several instances); a single SQLite
/// instance counts in memory instead. Used by the mail tester's limits, and open to any other per-key limit.
/// </summary>
public sealed class StoreLimitCounter(IDbContextFactory<PortalDbContext> contexts, TimeProvider time)
{
    public const int MaxKeyLength = 200;
    private const int BucketsPerWindow = 10;

    // Buckets older than every window in use are swept now and then, not on every call.
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(2);
    private int _calls;

    /// <summary>
    /// Adds one to <paramref name="key"/> unless the last <paramref name="window"/> already holds
    /// <paramref name="limit"/>. Atomic across instances: one transaction holds a lock on the key while it reads and
    /// adds. Returns the bucket counted in (to give it back with <see cref="ReturnAsync"/>), or null when refused.
    /// </summary>
    public async Task<DateTimeOffset?> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, MaxKeyLength, nameof(key));
        var now = time.GetUtcNow();
        var size = window.Ticks / BucketsPerWindow;
        var bucket = new DateTime(now.UtcTicks - (now.UtcTicks % size), DateTimeKind.Utc);
        var oldest = bucket - window;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Two instances counting the same key wait for each other here; different keys never do.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
            var rows = await db.LimitCounts.Where(c => c.Key == key).ToListAsync(cancellationToken);
            if (rows.Where(r => r.Bucket > oldest).Sum(r => r.Count) >= limit)
            {
                await transaction.CommitAsync(cancellationToken);
                return false;
            }

            db.LimitCounts.RemoveRange(rows.Where(r => r.Bucket <= oldest));
            if (rows.FirstOrDefault(r => r.Bucket == bucket) is { } row)
            {
                row.Count++;
            }
            else
            {
                db.LimitCounts.Add(new LimitCount { Key = key, Bucket = bucket, Count = 1 });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

        if (Interlocked.Increment(ref _calls) % 100 == 1)
        {
            var stale = now.UtcDateTime - KeepFor;
            await db.LimitCounts.Where(c => c.Bucket < stale).ExecuteDeleteAsync(cancellationToken);
        }

        return taken ? new DateTimeOffset(bucket) : null;
    }

    /// <summary>Takes back one that <see cref="TryTakeAsync"/> added in <paramref name="bucket"/>.</summary>
    public async Task ReturnAsync(string key, DateTimeOffset bucket, CancellationToken cancellationToken)
    {
        var at = bucket.UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One statement: atomic on its own, and never below zero.
        await db.LimitCounts.Where(c => c.Key == key && c.Bucket == at && c.Count > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Count, c => c.Count - 1), cancellationToken);
    }
}
