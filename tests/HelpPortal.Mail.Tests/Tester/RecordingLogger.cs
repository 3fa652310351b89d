using Microsoft.Extensions.Logging;

namespace HelpPortal.Mail.Tests.Tester;

/// <summary>Keeps everything logged at every level: messages, structured values, scopes and exceptions.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries
    {
        get { lock (_entries) { return [.. _entries]; } }
    }

    public IDisposable BeginScope<TState>(TState state) where TState : notnull
    {
        Add($"scope {state}");
        return new Scope();
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : "";
        Add($"{logLevel} {formatter(state, exception)} [{values}] {exception}");
    }

    private void Add(string entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
