namespace HelpPortal.Web.Reader;

/// <summary>Checks on the request target exactly as the client sent it, before the server normalized it.</summary>
internal static class RawPath
{
    /// <summary>
    /// Whether a segment of the path is <c>.</c> or <c>..</c>, also when percent-encoded. Kestrel resolves such
    /// segments before routing, so <c>/en/articles/%2E%2E</c> would otherwise quietly serve <c>/en</c>.
    /// </summary>
    public static bool HasDotSegment(string? rawTarget)
    {
        if (string.IsNullOrEmpty(rawTarget))
        {
            return false;
        }
        var end = rawTarget.AsSpan().IndexOfAny('?', '#');
        var path = end < 0 ? rawTarget : rawTarget[..end];
        // Every request passes here: a path without a dot (plain or encoded) cannot have a dot segment.
        if (!path.Contains('.') && !path.Contains("%2e", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return path.Split('/').Any(segment => Uri.UnescapeDataString(segment) is "." or "..");
    }
}
