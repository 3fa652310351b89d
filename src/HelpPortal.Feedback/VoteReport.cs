using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>Yes and no on one article's revision on one (UTC) day, counted in the database.</summary>
public sealed record DailyVoteCount(string Lang, string Slug, string Revision, DateOnly Day, int Yes, int No);

/// <summary>How many "No" gave one reason (null: none) on one day.</summary>
public sealed record DailyReasonCount(DateOnly Day, string? Reason, int Count);

/// <summary>A revision of an article as its votes know it: when it was first voted on and how.</summary>
public sealed record RevisionVotes(string Revision, DateTime FirstVoteUtc, int Yes, int No);

/// <summary>
/// The dashboard's figures as aggregate queries: the database groups and counts, so the memory a report
/// takes grows with articles and days, never with the number of votes.
/// </summary>
public sealed class VoteReport(IDbContextFactory<PortalDbContext> contexts)
{
    /// <summary>Votes per article, revision and day of their last change.</summary>
    public async Task<IReadOnlyList<DailyVoteCount>> GetDailyCountsAsync(VoteFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await VoteStore.Apply(db.Votes.AsNoTracking(), filter)
            .GroupBy(v => new { v.Lang, v.Slug, v.Revision, Day = v.UpdatedUtc.Date })
            .Select(g => new
            {
                g.Key.Lang,
                g.Key.Slug,
                g.Key.Revision,
                g.Key.Day,
                Yes = g.Count(v => v.Helpful),
                No = g.Count(v => !v.Helpful),
            })
            .ToListAsync(cancellationToken);
        return groups
            .Select(g => new DailyVoteCount(g.Lang, g.Slug, g.Revision, DateOnly.FromDateTime(g.Day), g.Yes, g.No))
            .OrderBy(c => c.Day).ThenBy(c => c.Lang, StringComparer.Ordinal).ThenBy(c => c.Slug, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"No" votes per day and reason.</summary>
    public async Task<IReadOnlyList<DailyReasonCount>> GetReasonCountsAsync(VoteFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await VoteStore.Apply(db.Votes.AsNoTracking(), filter)
            .Where(v => !v.Helpful)
            .GroupBy(v => new { Day = v.UpdatedUtc.Date, v.Reason })
            .Select(g => new { g.Key.Day, g.Key.Reason, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return groups
            .Select(g => new DailyReasonCount(DateOnly.FromDateTime(g.Day), g.Reason, g.Count))
            .OrderBy(c => c.Day).ThenBy(c => c.Reason, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Each revision the votes in <paramref name="filter"/> were cast on, oldest first.</summary>
    public async Task<IReadOnlyList<RevisionVotes>> GetRevisionsAsync(VoteFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await VoteStore.Apply(db.Votes.AsNoTracking(), filter)
            .GroupBy(v => v.Revision)
            .Select(g => new
            {
                Revision = g.Key,
                First = g.Min(v => v.UpdatedUtc),
                Yes = g.Count(v => v.Helpful),
                No = g.Count(v => !v.Helpful),
            })
            .ToListAsync(cancellationToken);
        return groups
            .Select(g => new RevisionVotes(g.Revision, DateTime.SpecifyKind(g.First, DateTimeKind.Utc), g.Yes, g.No))
            .OrderBy(r => r.FirstVoteUtc).ThenBy(r => r.Revision, StringComparer.Ordinal)
            .ToList();
    }
}
