using HelpPortal.Feedback.Postgres;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

public sealed partial class VoteStore
{
    /// <summary>
    /// A voter without the cookie who votes from a network that voted on this article within the window takes that
    /// vote over instead of adding one: dropping the cookie between votes gains nothing. The price is that two people
    /// behind one address (a household, an office) who both vote without a cookie within a day count once (README).
    /// </summary>
    /// <returns>False when the network has no vote to replace.</returns>
    private static async Task<bool> ReplaceNetworkVoteAsync(
        PortalDbContext db, VoteInput vote, string network, DateTime now, CancellationToken cancellationToken)
    {
        // SQLite's transaction already holds the write lock; PostgreSQL needs a lock so two cookie-less votes from
        // one network cannot both find nothing and both insert.
        await PostgresStore.LockAsync(db, $"vote:{network}:{vote.Lang}:{vote.Slug}", cancellationToken);
        var since = now - VoterNetworks.Window;
        var latest = await db.Votes
            .Where(v => v.NetworkHash == network && v.Lang == vote.Lang && v.Slug == vote.Slug && v.UpdatedUtc >= since)
            .OrderByDescending(v => v.UpdatedUtc).ThenByDescending(v => v.Id)
            .Select(v => (long?)v.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not { } id)
        {
            return false;
        }
        // The row moves to the new visitor id, so the cookie just issued finds this same vote next time.
        await db.Votes.Where(v => v.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.VisitorId, vote.VisitorId)
            .SetProperty(v => v.Revision, vote.Revision)
            .SetProperty(v => v.Helpful, vote.Helpful)
            .SetProperty(v => v.Reason, vote.Reason)
            .SetProperty(v => v.Comment, vote.Comment)
            .SetProperty(v => v.UpdatedUtc, now), cancellationToken);
        return true;
    }
}
