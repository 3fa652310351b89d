namespace HelpPortal.Feedback;

/// <summary>
/// How many readers went from one article to support on one (UTC) day, per verdict code they agreed to pass
/// on (empty when none). Codes and slugs only: never who, never what they typed.
/// </summary>
public sealed class EscalationCount
{
    public DateOnly Day { get; set; }
    public required string Lang { get; set; }
    public required string Slug { get; set; }
    public required string Diagnosis { get; set; }
    public int Count { get; set; }
}
