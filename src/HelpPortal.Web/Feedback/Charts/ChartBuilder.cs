using HelpPortal.Feedback;

namespace HelpPortal.Web.Feedback.Charts;

/// <summary>Turns the store's daily counts into chart columns: weeks for votes, days for tester runs.</summary>
public static class ChartBuilder
{
    /// <summary>More diagnoses than this are folded into "other", so the colours stay tellable apart.</summary>
    public const int MaxStackedSeries = 7;
    public const string OtherKey = "other";

    /// <summary>The Monday on or before <paramref name="day"/>: weeks run Monday to Sunday, as in both UI cultures.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Every week from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>.</summary>
    public static IReadOnlyList<DateOnly> Weeks(DateOnly from, DateOnly to)
    {
        var weeks = new List<DateOnly>();
        for (var week = WeekOf(from); week <= to; week = week.AddDays(7))
        {
            weeks.Add(week);
        }
        return weeks;
    }

    /// <summary>Helpful and not helpful per week; the line is the helpful share.</summary>
    public static ChartData Helpfulness(
        IEnumerable<DailyVoteCount> counts, DateOnly from, DateOnly to, ChartSeries yes, ChartSeries no, IReadOnlyList<ChartMarker> markers)
    {
        var byWeek = counts.GroupBy(c => WeekOf(c.Day)).ToDictionary(g => g.Key, g => (Yes: g.Sum(c => c.Yes), No: g.Sum(c => c.No)));
        var columns = Weeks(from, to)
            .Select(week => byWeek.TryGetValue(week, out var c) ? new ChartColumn(week, [c.Yes, c.No]) : new ChartColumn(week, [0, 0]))
            .ToList();
        return new ChartData([yes, no], columns, markers.Where(m => m.Day >= WeekOf(from) && m.Day <= to).ToList(), ShareOf: 0);
    }

    /// <summary>Any keyed daily counts stacked per week (reasons given with "No").</summary>
    public static ChartData Weekly(
        IEnumerable<(DateOnly Day, string Key, int Count)> counts, DateOnly from, DateOnly to, IReadOnlyList<ChartSeries> series)
    {
        var index = series.Select((s, i) => (s.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var byWeek = counts.GroupBy(c => WeekOf(c.Day)).ToDictionary(g => g.Key, g => g.ToList());
        var columns = Weeks(from, to).Select(week =>
        {
            var values = new int[series.Count];
            foreach (var count in byWeek.GetValueOrDefault(week) ?? [])
            {
                if (index.TryGetValue(count.Key, out var i))
                {
                    values[i] += count.Count;
                }
            }
            return new ChartColumn(week, values);
        }).ToList();
        return new ChartData(series, columns, []);
    }

    /// <summary>Tester runs per day, stacked by diagnosis: the most frequent codes each get a colour, the rest are "other".</summary>
    public static ChartData TesterRuns(IEnumerable<DiagnosisCount> counts, DateOnly from, DateOnly to, string otherName)
    {
        var list = counts.ToList();
        var ranked = list.GroupBy(c => c.Diagnosis)
            .OrderByDescending(g => g.Sum(c => c.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        var named = ranked.Count <= MaxStackedSeries ? ranked : ranked.Take(MaxStackedSeries - 1).ToList();
        var series = named.Select(code => new ChartSeries(code, code)).ToList();
        if (named.Count < ranked.Count)
        {
            series.Add(new ChartSeries(OtherKey, otherName));
        }
        var index = named.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i);
        var byDay = list.GroupBy(c => c.Day).ToDictionary(g => g.Key, g => g.ToList());
        var columns = new List<ChartColumn>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var values = new int[series.Count];
            foreach (var count in byDay.GetValueOrDefault(day) ?? [])
            {
                values[index.TryGetValue(count.Diagnosis, out var i) ? i : series.Count - 1] += count.Count;
            }
            columns.Add(new ChartColumn(day, values));
        }
        return new ChartData(series, columns, []);
    }
}
