using System.Collections.Concurrent;
using HelpPortal.Mail.DomainCheck;

namespace HelpPortal.Mail.Tests.DomainCheck;

/// <summary>Passes every question on and keeps it, so a test can count what reached the resolver.</summary>
internal sealed class CountingLookup(IDnsLookup inner) : IDnsLookup
{
    private readonly ConcurrentQueue<(string Name, DnsRecordType Type)> _asked = new();

    public IReadOnlyList<(string Name, DnsRecordType Type)> Asked => [.. _asked];

    public Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        _asked.Enqueue((name, type));
        return inner.QueryAsync(name, type, cancellationToken);
    }
}

/// <summary>Answers from a table, for the logic's unit tests; a name not in it does not exist.</summary>
internal sealed class TableLookup(Dictionary<string, string[]> txt) : IDnsLookup
{
    public Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, CancellationToken cancellationToken) =>
        Task.FromResult(txt.TryGetValue(name, out var texts)
            ? new DnsAnswer(true, [.. texts.Select(text => new TxtAnswer(text))])
            : DnsAnswer.NoSuchName);
}
