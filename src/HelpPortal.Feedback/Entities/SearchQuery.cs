namespace HelpPortal.Feedback;

/// <summary>One logged search: the normalized query only, never who asked.</summary>
public sealed class SearchQuery
{
    public long Id { get; set; }
    public required string Query { get; set; }
    public required string Lang { get; set; }
    public int ResultCount { get; set; }
    public DateTime SearchedUtc { get; set; }

    /// <summary>The result the reader opened from this search, if any.</summary>
    public string? OpenedSlug { get; set; }
}
