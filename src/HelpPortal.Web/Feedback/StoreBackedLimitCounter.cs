using HelpPortal.Feedback;
using HelpPortal.Mail.Limits;

namespace HelpPortal.Web.Feedback;

/// <summary>Limits counted in the shared store (the tester's, staff sign-in), so several instances on one PostgreSQL count together.</summary>
internal sealed class StoreBackedLimitCounter(StoreLimitCounter store) : ILimitCounter
{
    public async Task<LimitTicket?> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken) =>
        await store.TryTakeAsync(key, limit, window, cancellationToken) is { } bucket ? new LimitTicket(key, bucket) : null;

    public Task ReturnAsync(LimitTicket ticket, CancellationToken cancellationToken) =>
        store.ReturnAsync(ticket.Key, ticket.Bucket, cancellationToken);
}
