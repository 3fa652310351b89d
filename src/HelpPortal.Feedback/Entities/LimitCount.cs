namespace HelpPortal.Feedback;

/// <summary>One bucket of a shared limit: how much one key used in the slice of a window that began at <see cref="Bucket"/>.</summary>
public sealed class LimitCount
{
    /// <summary>What is counted, e.g. a client's network or a hash of a mailbox; never an address in the clear.</summary>
    public required string Key { get; set; }

    public DateTime Bucket { get; set; }

    public int Count { get; set; }
}
