namespace HelpPortal.Feedback;

/// <summary>Confidence-aware helpfulness: few votes should not rank an article as best or worst.</summary>
public static class VoteStatistics
{
    /// <summary>
    /// The lower bound of the Wilson score interval (95 %) for the share of "Yes": with 1 of 1 helpful it is
    /// about 0.21, with 90 of 100 about 0.83. Zero votes give 0.
    /// </summary>
    public static double WilsonLowerBound(int yes, int total, double z = 1.96)
    {
        if (total <= 0)
        {
            return 0;
        }
        var p = (double)yes / total;
        var z2 = z * z;
        var centre = p + z2 / (2 * total);
        var margin = z * Math.Sqrt((p * (1 - p) + z2 / (4.0 * total)) / total);
        return (centre - margin) / (1 + z2 / total);
    }

    /// <summary>The share of "Yes" in percent, or null without votes.</summary>
    public static double? HelpfulPercent(int yes, int total) => total == 0 ? null : 100.0 * yes / total;
}
