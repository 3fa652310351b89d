namespace HelpPortal.Feedback;

/// <summary>
/// A random key the portal made for itself and keeps in the store, so every instance sharing the store uses the
/// same one and it survives restarts (for example the key of <see cref="VoterNetworks"/>' hashes).
/// </summary>
public sealed class StoreSecret
{
    public required string Name { get; set; }
    public required byte[] Value { get; set; }
}
