namespace HelpPortal.Feedback;

/// <summary>A support lead's mark on a content gap (a group of searches that mean the same).</summary>
public sealed class ContentGapMark
{
    public required string Lang { get; set; }

    /// <summary>The group's key: the query's words as the search understands them, folded and sorted.</summary>
    public required string GapKey { get; set; }

    public ContentGapStatus Status { get; set; }

    /// <summary>The staff account's email, as shown to other leads.</summary>
    public required string MarkedBy { get; set; }

    public DateTime MarkedUtc { get; set; }
}

/// <summary>What a lead decided about a gap.</summary>
public enum ContentGapStatus
{
    Open = 0,
    Planned = 1,
    Done = 2,
}
