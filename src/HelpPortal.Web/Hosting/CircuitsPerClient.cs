using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// Caps the live circuit connections one client (<see cref="ClientPartition"/>) holds at once
/// (<c>Circuit:MaxPerClient</c>): each keeps a mail tester or a preview in this instance's memory, so one client
/// opening hundreds would crowd out everyone else. A WebSocket connection is one request for its whole life; the
/// long-polling fallback holds at most two at a time per circuit.
/// </summary>
internal sealed class CircuitsPerClient(IOptions<CircuitLimits> limits)
{
    public const string HubPath = "/_blazor";

    private readonly ConcurrentDictionary<string, int> _open = new();

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        // Only the connection itself; negotiate, disconnect and the initializers are short and come before or after it.
        if (!string.Equals(context.Request.Path.Value, HubPath, StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }
        var key = ClientPartition.Key(context);
        if (_open.AddOrUpdate(key, 1, (_, count) => count + 1) > limits.Value.MaxPerClient)
        {
            Release(key);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Too many live connections from your network. Close a tab with the mail tester and try again.");
            return;
        }
        try
        {
            await next();
        }
        finally
        {
            Release(key);
        }
    }

    private void Release(string key)
    {
        // Drop the entry at zero (only if nobody came in meanwhile), so the table holds only clients with connections.
        if (_open.AddOrUpdate(key, 0, (_, count) => count - 1) == 0)
        {
            _open.TryRemove(new KeyValuePair<string, int>(key, 0));
        }
    }

    /// <summary>How many connections the client behind <paramref name="key"/> holds now (for tests and metrics).</summary>
    public int OpenFor(string key) => _open.GetValueOrDefault(key);
}

internal static class CircuitsPerClientComposition
{
    public static IApplicationBuilder UseCircuitsPerClient(this IApplicationBuilder app)
    {
        var circuits = app.ApplicationServices.GetRequiredService<CircuitsPerClient>();
        return app.Use((context, next) => circuits.InvokeAsync(context, () => next(context)));
    }
}
