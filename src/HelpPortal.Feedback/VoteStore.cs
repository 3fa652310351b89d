using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>A vote as the reader cast it, already validated by the caller.</summary>
public sealed record VoteInput(
    string VisitorId, string Lang, string Slug, string Revision, bool Helpful, string? Reason, string? Comment)
{
    /// <summary>The client's network as the rate limits key it (an IPv4 address, an IPv6 /64); stored only as a keyed hash.</summary>
    public string? ClientNetwork { get; init; }

    /// <summary>
    /// True when <see cref="VisitorId"/> was issued for this vote because the request carried no visitor cookie:
    /// then the network's latest vote on the article within <see cref="VoterNetworks.Window"/> is replaced, not added to.
    /// </summary>
    public bool NewVisitor { get; init; }
}

/// <summary>Which votes a statistic reads. Null means "no restriction".</summary>
public sealed record VoteFilter(DateTime? FromUtc = null, DateTime? ToUtc = null, string? Lang = null, string? Slug = null, string? Revision = null);

/// <summary>One vote reduced to what the dashboard counts.</summary>
public sealed record VoteRow(string Lang, string Slug, string Revision, bool Helpful, string? Reason, DateTime UpdatedUtc);

/// <summary>A "No" with something written, for the drill-down.</summary>
public sealed record VoteComment(string Revision, string? Reason, string Comment, DateTime UpdatedUtc);

/// <summary>Writes and reads article votes.</summary>
// Metrics are optional so unit tests can build a store from a context factory alone.
public sealed partial class VoteStore(IDbContextFactory<PortalDbContext> contexts, TimeProvider time, PortalMetrics metrics)
{
    /// <summary>The longest a vote waits for a busy store (SQLite's own wait for a writer is as long).</summary>
    public static readonly TimeSpan CastTimeout = TimeSpan.FromSeconds(10);

    private readonly VoterNetworks _networks = new(contexts);

    /// <summary>
    /// Records the vote, replacing the visitor's earlier vote on the same article (or, for a new visitor, the same
    /// network's vote of the last day). One transaction, so a vote is stored whole or not at all, and statements
    /// against the unique (visitor, lang, slug) index, so concurrent votes can neither double nor lose a row.
    /// </summary>
    public async Task CastAsync(VoteInput vote, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var network = vote.ClientNetwork is { } client ? await _networks.HashAsync(client, cancellationToken) : null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A reader waits for the answer: past this, a busy store gets them a "not saved" page rather than a spinner.
        db.Database.SetCommandTimeout(CastTimeout);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (network is null || !vote.NewVisitor || !await ReplaceNetworkVoteAsync(db, vote, network, now, cancellationToken))
        {
            // ON CONFLICT ... DO UPDATE is understood by both SQLite (3.24+) and PostgreSQL.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Votes" ("VisitorId", "Lang", "Slug", "Revision", "Helpful", "Reason", "Comment", "NetworkHash", "CreatedUtc", "UpdatedUtc")
                VALUES ({vote.VisitorId}, {vote.Lang}, {vote.Slug}, {vote.Revision}, {vote.Helpful}, {vote.Reason}, {vote.Comment}, {network}, {now}, {now})
                ON CONFLICT ("VisitorId", "Lang", "Slug") DO UPDATE SET
                    "Revision" = excluded."Revision",
                    "Helpful" = excluded."Helpful",
                    "Reason" = excluded."Reason",
                    "Comment" = excluded."Comment",
                    "NetworkHash" = excluded."NetworkHash",
                    "UpdatedUtc" = excluded."UpdatedUtc"
                """, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        metrics.VoteCast(vote.Lang, vote.Helpful);
    }

    public async Task<Vote?> FindAsync(string visitorId, string lang, string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Votes.AsNoTracking()
            .SingleOrDefaultAsync(v => v.VisitorId == visitorId && v.Lang == lang && v.Slug == slug, cancellationToken);
    }

    /// <summary>The votes matching <paramref name="filter"/>, reduced to what statistics need.</summary>
    public async Task<IReadOnlyList<VoteRow>> GetRowsAsync(VoteFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Apply(db.Votes.AsNoTracking(), filter)
            .Select(v => new VoteRow(v.Lang, v.Slug, v.Revision, v.Helpful, v.Reason, v.UpdatedUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Comments left with a "No", newest first.</summary>
    public async Task<IReadOnlyList<VoteComment>> GetCommentsAsync(VoteFilter filter, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Apply(db.Votes.AsNoTracking(), filter)
            .Where(v => v.Comment != null && v.Comment != "")
            .OrderByDescending(v => v.UpdatedUtc).ThenByDescending(v => v.Id)
            .Take(take)
            .Select(v => new VoteComment(v.Revision, v.Reason, v.Comment!, v.UpdatedUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Yes and no counts for the filter, counted in the database.</summary>
    public async Task<(int Yes, int No)> CountAsync(VoteFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.Votes.AsNoTracking(), filter);
        var yes = await query.CountAsync(v => v.Helpful, cancellationToken);
        var no = await query.CountAsync(v => !v.Helpful, cancellationToken);
        return (yes, no);
    }

    internal static IQueryable<Vote> Apply(IQueryable<Vote> votes, VoteFilter filter)
    {
        if (filter.FromUtc is { } fromBound)
        {
            var from = PortalStore.AsUtc(fromBound);
            votes = votes.Where(v => v.UpdatedUtc >= from);
        }
        if (filter.ToUtc is { } toBound)
        {
            var to = PortalStore.AsUtc(toBound);
            votes = votes.Where(v => v.UpdatedUtc < to);
        }
        if (filter.Lang is { } lang)
        {
            votes = votes.Where(v => v.Lang == lang);
        }
        if (filter.Slug is { } slug)
        {
            votes = votes.Where(v => v.Slug == slug);
        }
        if (filter.Revision is { } revision)
        {
            votes = votes.Where(v => v.Revision == revision);
        }
        return votes;
    }
}
