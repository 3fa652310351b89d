namespace HelpPortal.Feedback;

/// <summary>The search log: normalized queries only, never an IP or a cookie.</summary>
public interface ISearchLog
{
    /// <returns>An id the results page passes on, so the opened result can be recorded.</returns>
    Task<long> RecordSearchAsync(string normalizedQuery, string lang, int resultCount, CancellationToken cancellationToken);

    Task RecordOpenedAsync(long searchId, string slug, CancellationToken cancellationToken);

    Task<SearchLogReport> GetReportAsync(DateTime fromUtc, DateTime toUtc, string? lang, CancellationToken cancellationToken);
}

public sealed record QueryCount(string Query, string Lang, int Count);

public sealed record SearchLogReport(
    IReadOnlyList<QueryCount> TopQueries,
    IReadOnlyList<QueryCount> NoResults,
    IReadOnlyList<QueryCount> NeverOpened);

/// <summary>Counts of the mail tester's diagnoses per day: codes only, no addresses.</summary>
public interface ITesterRunLog
{
    Task RecordAsync(string diagnosis, CancellationToken cancellationToken);

    Task<IReadOnlyList<DiagnosisCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

public sealed record DiagnosisCount(DateOnly Day, string Diagnosis, int Count);

/// <summary>Counts of the domain check's finding codes per day, for support leads: codes only, never a domain.</summary>
public interface IDomainCheckLog
{
    /// <summary>Counts each distinct code once for today.</summary>
    Task RecordAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    Task<IReadOnlyList<FindingCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

public sealed record FindingCount(DateOnly Day, string Code, int Count);
