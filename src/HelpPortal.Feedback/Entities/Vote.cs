namespace HelpPortal.Feedback;

/// <summary>One visitor's answer to "Was this article helpful?" for one article in one language.</summary>
public sealed class Vote
{
    public long Id { get; set; }

    /// <summary>The anonymous visitor id from the visitor cookie; nothing else identifies the reader.</summary>
    public required string VisitorId { get; set; }

    public required string Lang { get; set; }
    public required string Slug { get; set; }

    /// <summary>The article revision the visitor read when voting.</summary>
    public required string Revision { get; set; }

    public bool Helpful { get; set; }

    /// <summary>One of <see cref="VoteReasons.All"/>, only on a "No".</summary>
    public string? Reason { get; set; }

    public string? Comment { get; set; }

    /// <summary>
    /// A keyed hash of the client's network (IPv4 address or IPv6 /64), never the address itself: how a voter without
    /// the cookie is recognised for <see cref="VoterNetworks.Window"/>. The retention job clears it after that window.
    /// </summary>
    public string? NetworkHash { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>The reasons a reader may give for "No", as stored codes.</summary>
public static class VoteReasons
{
    public const string Outdated = "outdated";
    public const string NotSolved = "not-solved";
    public const string HardToFollow = "hard-to-follow";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Outdated, NotSolved, HardToFollow, Other];

    public const int MaxCommentLength = 1000;
}
