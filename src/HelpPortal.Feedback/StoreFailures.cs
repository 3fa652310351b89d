using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>Tells an unreachable, busy or missing store apart from a bug, so callers can answer 503 instead of 500.</summary>
public static class StoreFailures
{
    /// <summary>
    /// True for what the engines throw when the store cannot be reached or written right now: a refused or broken
    /// connection, a database that is gone, SQLite staying busy or locked, a command timeout.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        DbException or DbUpdateException or TimeoutException or SocketException => true,
        // EF Core and Npgsql wrap some connection failures.
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };
}
