using System.Globalization;
using System.Text;
using HelpPortal.Articles;
using HelpPortal.Feedback;
using Microsoft.AspNetCore.Mvc;

namespace HelpPortal.Web.Feedback;

/// <summary><c>GET /admin/feedback.csv</c>: the dashboard's rows with the same filters.</summary>
internal static class FeedbackCsvEndpoint
{
    public static async Task<IResult> HandleAsync(
        string? period, string? lang, string? category, string? revision,
        [FromServices] VoteReport votes, [FromServices] IContentCatalogSource catalog, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var filter = FeedbackFilter.From(period, lang, category, revision);
        var rows = await FeedbackReport.LoadAsync(votes, catalog.Current, filter, time.GetUtcNow().UtcDateTime, cancellationToken);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(FeedbackCsv.Write(rows))).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"feedback-{filter.Period}.csv");
    }
}

internal static class FeedbackCsv
{
    public const string Header = "slug,lang,title,yes,no,helpful_percent,wilson_lower_bound,votes";

    public static string Write(IEnumerable<FeedbackRow> rows)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',',
                Field(row.Slug),
                Field(row.Lang),
                Field(row.Title),
                row.Yes.ToString(CultureInfo.InvariantCulture),
                row.No.ToString(CultureInfo.InvariantCulture),
                row.HelpfulPercent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
                row.WilsonLowerBound.ToString("0.000", CultureInfo.InvariantCulture),
                row.Votes.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>
    /// RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula
    /// (a title starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>).
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
