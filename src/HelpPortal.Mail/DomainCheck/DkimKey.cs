using System.Security.Cryptography;

namespace HelpPortal.Mail.DomainCheck;

/// <summary>What a DKIM key record (RFC 6376 section 3.6.1) holds, as far as a receiver's verdict depends on it.</summary>
public sealed record DkimKeyInfo(bool Usable, string KeyType, int Bits, string? Problem)
{
    /// <summary>RSA keys shorter than this are weak (RFC 8301 requires at least 1024 and recommends 2048).</summary>
    public const int MinimumRsaBits = 2048;

    public bool IsWeak => Usable && KeyType == "rsa" && Bits < MinimumRsaBits;
}

/// <summary>Reads the <c>k=</c> and <c>p=</c> tags of a DKIM key record.</summary>
public static class DkimKey
{
    public static bool IsDkim(string text)
    {
        var tags = Tags(text);
        return tags.ContainsKey("p") || tags.TryGetValue("v", out var version) && version == "DKIM1";
    }

    public static DkimKeyInfo Inspect(string text)
    {
        var tags = Tags(text);
        var keyType = tags.TryGetValue("k", out var k) ? k.ToLowerInvariant() : "rsa";
        if (!tags.TryGetValue("p", out var p))
        {
            return new(false, keyType, 0, "the record has no public key (p=)");
        }
        p = string.Concat(p.Where(c => !char.IsWhiteSpace(c)));
        if (p.Length == 0)
        {
            return new(false, keyType, 0, "the key was revoked (p= is empty)");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(p);
        }
        catch (FormatException)
        {
            return new(false, keyType, 0, "the public key (p=) is not valid base64");
        }

        if (keyType == "ed25519")
        {
            // RFC 8463: the raw 32-byte Ed25519 public key.
            return bytes.Length == 32 ? new(true, keyType, 256, null) : new(false, keyType, 0, "the Ed25519 key is not 32 bytes");
        }
        if (keyType != "rsa")
        {
            return new(false, keyType, 0, $"the key type k={keyType} is unknown to receivers");
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(bytes, out _);
        }
        catch (CryptographicException)
        {
            try
            {
                // Some tools publish the bare PKCS#1 RSAPublicKey; many receivers accept it.
                rsa.ImportRSAPublicKey(bytes, out _);
            }
            catch (CryptographicException)
            {
                return new(false, keyType, 0, "the public key (p=) is not an RSA key");
            }
        }
        return new(true, keyType, rsa.KeySize, null);
    }

    private static Dictionary<string, string> Tags(string text) => TagList.Parse(text);
}
