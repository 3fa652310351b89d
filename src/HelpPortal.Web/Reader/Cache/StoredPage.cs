using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Reader.Cache;

/// <summary>
/// One rendered reader page: its UTF-8 bytes, compressed once with Brotli and gzip, the headers its render set,
/// and an entity tag taken from the bytes (so it changes exactly when the page does, and is the same on every
/// instance that serves the same content).
/// </summary>
internal sealed class StoredPage
{
    private const int BrotliQuality = 9; // within a few per cent of 11 on HTML, several times faster
    private const int BrotliWindow = 22;

    private StoredPage(byte[] identity, byte[] brotli, byte[] gzip, KeyValuePair<string, StringValues>[] headers, string tag)
    {
        Identity = identity;
        Brotli = brotli;
        Gzip = gzip;
        Headers = headers;
        ETag = $"\"{tag}\"";
        BrotliETag = $"\"{tag}-br\"";
        GzipETag = $"\"{tag}-gz\"";
        // The arrays and a rough allowance for the headers, tags and the entry itself.
        Size = identity.Length + brotli.Length + gzip.Length + 1024;
    }

    public byte[] Identity { get; }
    public byte[] Brotli { get; }
    public byte[] Gzip { get; }

    /// <summary>The headers the render set (content type and the framework's own), replayed on every answer.</summary>
    public KeyValuePair<string, StringValues>[] Headers { get; }

    /// <summary>Strong tags, one per encoding: each variant is a different sequence of bytes.</summary>
    public string ETag { get; }
    public string BrotliETag { get; }
    public string GzipETag { get; }

    public long Size { get; }

    /// <summary>When the page was last served, for least-recently-used eviction.</summary>
    public long LastUsed;

    public static StoredPage Create(byte[] identity, KeyValuePair<string, StringValues>[] headers)
    {
        var tag = Convert.ToBase64String(SHA256.HashData(identity), 0, 18).Replace('+', '-').Replace('/', '_');
        return new StoredPage(identity, CompressBrotli(identity), CompressGzip(identity), headers, tag);
    }

    private static byte[] CompressBrotli(byte[] input)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(input.Length)];
        if (!BrotliEncoder.TryCompress(input, output, out var written, BrotliQuality, BrotliWindow))
        {
            throw new InvalidOperationException("Brotli could not compress the page.");
        }
        return output[..written];
    }

    private static byte[] CompressGzip(byte[] input)
    {
        using var output = new MemoryStream(input.Length / 3 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(input);
        }
        return output.ToArray();
    }
}
