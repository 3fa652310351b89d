using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>A row that counts something on one (UTC) day.</summary>
public interface IDailyCount
{
    DateOnly Day { get; }

    int Count { get; }
}

/// <summary>
/// Counters of codes per (UTC) day, one row per day and code, incremented in place: how the tester's diagnoses and
/// the domain check's findings are counted. Codes only, never anything a person typed.
/// </summary>
internal static class DailyCodeCounts
{
    public const int MaxCodeLength = 64;

    /// <summary>Refuses an empty or over-long code, naming what kind of code it is.</summary>
    public static void Check(string code, string kind, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code, paramName);
        if (code.Length > MaxCodeLength)
        {
            throw new ArgumentException($"A {kind} code has at most {MaxCodeLength} characters.", paramName);
        }
    }

    /// <summary>
    /// Adds one to the day's row of <paramref name="code"/>, creating it if needed, in one atomic statement, so two
    /// callers counting at once both count. The table and the code's column are read from the model; the day and
    /// the code go as parameters.
    /// </summary>
    public static Task IncrementAsync<TRow>(
        PortalDbContext db, string codeProperty, DateOnly day, string code, CancellationToken cancellationToken)
        where TRow : class, IDailyCount
    {
        var entity = db.Model.FindEntityType(typeof(TRow))!;
        var table = entity.GetTableName();
        var dayColumn = entity.FindProperty(nameof(IDailyCount.Day))!.GetColumnName();
        var codeColumn = entity.FindProperty(codeProperty)!.GetColumnName();
        var countColumn = entity.FindProperty(nameof(IDailyCount.Count))!.GetColumnName();
        // Only the model's own names are written into the statement; the values are parameters.
        var upsert = $$"""
            INSERT INTO "{{table}}" ("{{dayColumn}}", "{{codeColumn}}", "{{countColumn}}") VALUES ({0}, {1}, 1)
            ON CONFLICT ("{{dayColumn}}", "{{codeColumn}}") DO UPDATE SET "{{countColumn}}" = "{{table}}"."{{countColumn}}" + 1
            """;
        return db.Database.ExecuteSqlRawAsync(upsert, [day, code], cancellationToken);
    }

    /// <summary>The rows from <paramref name="from"/> to <paramref name="to"/> (inclusive), by day, then by code.</summary>
    public static Task<List<TResult>> ReadAsync<TRow, TResult>(
        IQueryable<TRow> rows, DateOnly from, DateOnly to, Expression<Func<TRow, string>> code, Expression<Func<TRow, TResult>> result,
        CancellationToken cancellationToken)
        where TRow : class, IDailyCount =>
        rows.AsNoTracking()
            .Where(c => c.Day >= from && c.Day <= to)
            .OrderBy(c => c.Day).ThenBy(code)
            .Select(result)
            .ToListAsync(cancellationToken);
}
