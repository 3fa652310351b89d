namespace HelpPortal.Mail.Limits;

/// <summary>The counter for one instance (SQLite deployments): buckets in a dictionary behind one lock.</summary>
public sealed class MemoryLimitCounter(TimeProvider time) : ILimitCounter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<DateTimeOffset, int>> _counts = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep;

    public Task<LimitTicket?> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var bucket = LimitWindow.BucketOf(now, window);
        lock (_lock)
        {
            SweepIfDue(now);
            if (!_counts.TryGetValue(key, out var buckets))
            {
                _counts[key] = buckets = [];
            }

            var since = LimitWindow.OldestBucketAfter(now, window);
            foreach (var old in buckets.Keys.Where(start => start <= since).ToList())
            {
                buckets.Remove(old);
            }

            if (buckets.Values.Sum() >= limit)
            {
                return Task.FromResult<LimitTicket?>(null);
            }

            buckets[bucket] = buckets.GetValueOrDefault(bucket) + 1;
            return Task.FromResult<LimitTicket?>(new LimitTicket(key, bucket));
        }
    }

    public Task ReturnAsync(LimitTicket ticket, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_counts.TryGetValue(ticket.Key, out var buckets) && buckets.TryGetValue(ticket.Bucket, out var count))
            {
                if (count > 1)
                {
                    buckets[ticket.Bucket] = count - 1;
                }
                else
                {
                    buckets.Remove(ticket.Bucket);
                }
            }
        }

        return Task.CompletedTask;
    }

    // Keys seen once would otherwise stay for the life of the process; an hour covers every window used.
    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + TimeSpan.FromHours(1);
        foreach (var (key, buckets) in _counts.ToList())
        {
            if (buckets.Count == 0 || buckets.Keys.Max() < now - TimeSpan.FromHours(2))
            {
                _counts.Remove(key);
            }
        }
    }
}
