using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpPortal.Feedback;

/// <summary>The <c>Retention</c> section: how long what readers wrote is kept.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Days a search and a vote's comment are kept; the vote itself (yes/no, reason) stays for the figures.</summary>
    public int Days { get; set; } = 365;
}

/// <summary>Deletes what is past its retention: old searches, old vote comments, and network hashes past their window.</summary>
public sealed class StoreRetention(IDbContextFactory<PortalDbContext> contexts, TimeProvider time, IOptions<RetentionOptions> options)
{
    public async Task<RetentionResult> PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.Value.Days);
        var networkCutoff = now - VoterNetworks.Window;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var searches = await db.SearchQueries.Where(q => q.SearchedUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
        var comments = await db.Votes.Where(v => v.UpdatedUtc < cutoff && v.Comment != null)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Comment, (string?)null), cancellationToken);
        // Past its window a network hash recognises nobody any more, so it is not kept either.
        var networks = await db.Votes.Where(v => v.UpdatedUtc < networkCutoff && v.NetworkHash != null)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.NetworkHash, (string?)null), cancellationToken);
        return new RetentionResult(searches, comments, networks);
    }
}

public sealed record RetentionResult(int SearchesDeleted, int CommentsDeleted, int NetworksForgotten);

/// <summary>Runs <see cref="StoreRetention"/> at start and then every <see cref="Interval"/>.</summary>
public sealed class RetentionJob(StoreRetention retention, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>Completes each time a pass has finished (for tests and anyone who wants to know).</summary>
    public event Action<RetentionResult?>? PassFinished;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            RetentionResult? result = null;
            try
            {
                result = await retention.PruneAsync(stoppingToken);
                logger.LogInformation("Retention: {Searches} searches, {Comments} comments and {Networks} network hashes deleted.",
                    result.SearchesDeleted, result.CommentsDeleted, result.NetworksForgotten);
            }
            catch (Exception e) when (StoreFailures.IsUnavailable(e))
            {
                // The next pass deletes what this one could not.
                logger.LogWarning("Retention pass skipped: the store did not answer ({Error}).", e.GetType().Name);
            }
            PassFinished?.Invoke(result);
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
