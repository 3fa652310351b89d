using System.IO.Compression;

namespace HelpPortal.Web.Tests.Reader.Cache;

/// <summary>Small helpers for asking the portal for a page the way a browser or a CDN does.</summary>
internal static class StoredPages
{
    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await client.SendAsync(request);
    }

    /// <summary>The body as the browser sees it: decompressed according to Content-Encoding.</summary>
    public static async Task<byte[]> BodyAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        if (encoding is null)
        {
            return raw;
        }
        using Stream decoder = encoding switch
        {
            "br" => new BrotliStream(new MemoryStream(raw), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(raw), CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"unexpected Content-Encoding {encoding}"),
        };
        using var plain = new MemoryStream();
        await decoder.CopyToAsync(plain);
        return plain.ToArray();
    }

    /// <summary>What a stored page says: browsers revalidate every time, a shared cache may keep it for a minute.</summary>
    public static bool IsShareable(HttpResponseMessage response) =>
        response.Headers.CacheControl is { Public: true, MustRevalidate: true, NoStore: false } cache
        && cache.MaxAge == TimeSpan.Zero && cache.SharedMaxAge == TimeSpan.FromSeconds(60);

    /// <summary>What a live render says: kept by no one.</summary>
    public static bool IsLive(HttpResponseMessage response) =>
        response.Headers.CacheControl is { Private: true, NoStore: true, Public: false };

    public static string? ETag(HttpResponseMessage response) => response.Headers.ETag?.ToString();

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
