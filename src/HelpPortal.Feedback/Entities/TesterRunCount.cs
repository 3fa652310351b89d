namespace HelpPortal.Feedback;

/// <summary>How many mail-tester runs ended with one diagnosis on one (UTC) day.</summary>
public sealed class TesterRunCount : IDailyCount
{
    public DateOnly Day { get; set; }
    public required string Diagnosis { get; set; }
    public int Count { get; set; }
}
