using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HelpPortal.Web.Tests.Hosting;

/// <summary>Keeps every log entry of a portal in process, for tests of what it reports.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    /// <summary>The warnings that mention <paramref name="text"/>.</summary>
    public IEnumerable<string> Warnings(string text) => _entries
        .Where(e => e.Level == LogLevel.Warning && e.Message.Contains(text, StringComparison.Ordinal))
        .Select(e => e.Message);

    /// <summary>Every error and critical entry, with its category.</summary>
    public IEnumerable<string> Errors() => _entries
        .Where(e => e.Level >= LogLevel.Error)
        .Select(e => $"{e.Category}: {e.Message}");

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
