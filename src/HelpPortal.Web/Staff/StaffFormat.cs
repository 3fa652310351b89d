using System.Globalization;

namespace HelpPortal.Web.Staff;

/// <summary>
/// Dates and numbers on the staff pages, in the UI's culture and always day first: "3 December 2026",
/// "3 december 2026". The neutral "en" culture's short date is US month-first, so no page uses "d" or "g".
/// </summary>
public static class StaffFormat
{
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A short label for a chart axis: "3 Dec" / "3 dec.".</summary>
    public static string ShortDate(DateOnly day) => day.ToString("d MMM", CultureInfo.CurrentCulture);

    public static string DateTime(DateTime utc) =>
        utc.ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture) + " UTC";

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Percent(double value) => value.ToString("0", CultureInfo.CurrentCulture) + " %";

    /// <summary>The machine-readable form for a <c>time</c> element's <c>datetime</c>.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
