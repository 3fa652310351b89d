namespace HelpPortal.Feedback;

/// <summary>How many domain checks had a finding with one code on one (UTC) day. No domain is ever stored.</summary>
public sealed class DomainCheckFindingCount : IDailyCount
{
    public DateOnly Day { get; set; }
    public required string Code { get; set; }
    public int Count { get; set; }
}
