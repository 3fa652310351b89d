namespace HelpPortal.Web.Feedback.Charts;

/// <summary>One stacked part of every column: its key (a CSS hook and a data attribute) and its shown name.</summary>
public sealed record ChartSeries(string Key, string Name);

/// <summary>One point on the time axis: a day or a week, with one value per series, stacked into one bar.</summary>
public sealed record ChartColumn(DateOnly Start, IReadOnlyList<int> Values)
{
    public int Total => Values.Sum();
}

/// <summary>A moment marked on the time axis (an article's revision).</summary>
public sealed record ChartMarker(DateOnly Day, string Label);

/// <summary>
/// What a chart shows. <paramref name="ShareOf"/>: the index of the series whose share of each column is drawn
/// as a line (helpful votes of all votes), or null for bars only.
/// </summary>
public sealed record ChartData(
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartColumn> Columns,
    IReadOnlyList<ChartMarker> Markers,
    int? ShareOf = null)
{
    public int Total => Columns.Sum(c => c.Total);

    public int MaxColumn => Columns.Count == 0 ? 0 : Columns.Max(c => c.Total);

    /// <summary>The share in percent of column <paramref name="column"/>, or null when it is empty.</summary>
    public double? Share(ChartColumn column) =>
        ShareOf is { } index && column.Total > 0 ? 100.0 * column.Values[index] / column.Total : null;

    public double? OverallShare => ShareOf is { } index && Total > 0 ? 100.0 * Columns.Sum(c => c.Values[index]) / Total : null;
}
