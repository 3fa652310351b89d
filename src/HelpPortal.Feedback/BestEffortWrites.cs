using Microsoft.Extensions.Logging;

namespace HelpPortal.Feedback;

/// <summary>
/// Writes that must never hold up or fail what a reader is doing (the search log, a search click): tried once,
/// waited for briefly, and counted as lost (<c>helpportal.store.writes.lost</c>) when the store cannot take them.
/// </summary>
public sealed class BestEffortWrites(PortalMetrics metrics, TimeProvider time, ILogger<BestEffortWrites> logger)
{
    /// <summary>How long a reader's request waits for the write; a write still running after it goes on alone.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    /// <summary>The longest a write may run at all before it is given up.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <paramref name="write"/>; its result, or null when it failed or did not finish within <see cref="Wait"/>.
    /// <paramref name="what"/> names the write in the metric and the log (a code, never data).
    /// </summary>
    public async Task<T?> TryAsync<T>(string what, Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
        where T : struct
    {
        // Not tied to the request: a reader who leaves does not turn a write that was nearly done into a lost one.
        var running = RunAsync(what, write);
        try
        {
            var first = await Task.WhenAny(running, Task.Delay(Wait, time, cancellationToken));
            return first == running ? await running : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The same for a write without a result; true when it was stored within the wait.</summary>
    public async Task<bool> TryAsync(string what, Func<CancellationToken, Task> write, CancellationToken cancellationToken) =>
        await TryAsync(what, async token =>
        {
            await write(token);
            return true;
        }, cancellationToken) ?? false;

    private async Task<T?> RunAsync<T>(string what, Func<CancellationToken, Task<T>> write) where T : struct
    {
        using var limit = new CancellationTokenSource(Limit, time);
        try
        {
            return await write(limit.Token);
        }
        catch (Exception e) when (StoreFailures.IsUnavailable(e) || e is OperationCanceledException)
        {
            metrics.StoreWriteLost(what);
            logger.LogWarning("A {Write} write was lost: the store did not take it ({Error}).", what, e.GetType().Name);
            return null;
        }
    }
}
