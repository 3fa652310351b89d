namespace HelpPortal.Mail.DomainCheck;

/// <summary>The record types the domain check asks for.</summary>
public enum DnsRecordType
{
    Mx,
    Txt,
    Srv,
    Cname,
}

/// <summary>One answer record, reduced to what the checks read.</summary>
public abstract record DnsAnswerRecord;

public sealed record MxAnswer(int Preference, string Exchange) : DnsAnswerRecord;

/// <summary>A TXT record's character strings joined, as SPF, DKIM and DMARC read them (RFC 7208 section 3.3).</summary>
public sealed record TxtAnswer(string Text) : DnsAnswerRecord;

public sealed record SrvAnswer(int Priority, int Weight, int Port, string Target) : DnsAnswerRecord;

public sealed record CnameAnswer(string Target) : DnsAnswerRecord;

/// <summary>The answer to one question: whether the name exists, and the records of the asked type.</summary>
public sealed record DnsAnswer(bool NameExists, IReadOnlyList<DnsAnswerRecord> Records)
{
    public static DnsAnswer NoSuchName { get; } = new(false, []);

    public IEnumerable<T> Of<T>() where T : DnsAnswerRecord => Records.OfType<T>();
}

/// <summary>The resolver gave no usable answer (no reply in time, a server failure, a refusal): the result is unknown.</summary>
public sealed class DnsLookupFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Asks DNS one question. The implementation decides the resolver; callers only name what to ask.</summary>
public interface IDnsLookup
{
    /// <exception cref="DnsLookupFailedException">No usable answer.</exception>
    Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, CancellationToken cancellationToken);
}
