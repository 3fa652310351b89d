using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>
/// Recognises a voter who comes back without the visitor cookie by the network they vote from. Only a keyed hash of
/// the network is stored; the key is random, made once and kept in the store (<see cref="StoreSecret"/>), so a stored
/// hash cannot be turned back into an address by trying every address.
/// </summary>
public sealed class VoterNetworks(IDbContextFactory<PortalDbContext> contexts)
{
    /// <summary>Hex characters stored: 128 bits of the HMAC, plenty to keep networks apart.</summary>
    public const int HashLength = 32;

    /// <summary>How long a network's vote is replaced by the next cookie-less vote from that network.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    private const string SecretName = "voter-network-hmac";
    private byte[]? _key;

    /// <summary>The stored form of <paramref name="network"/> (a client partition key such as an IPv4 address or a /64).</summary>
    public async Task<string> HashAsync(string network, CancellationToken cancellationToken)
    {
        var key = _key ?? await LoadKeyAsync(cancellationToken);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(network));
        return Convert.ToHexStringLower(mac.AsSpan(0, HashLength / 2));
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var candidate = RandomNumberGenerator.GetBytes(32);
        // Instances starting together may both try: the first key stored wins, and every instance reads that one.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "StoreSecrets" ("Name", "Value") VALUES ({SecretName}, {candidate}) ON CONFLICT ("Name") DO NOTHING""",
            cancellationToken);
        var key = await db.StoreSecrets.AsNoTracking().Where(s => s.Name == SecretName).Select(s => s.Value).SingleAsync(cancellationToken);
        _key = key;
        return key;
    }
}
