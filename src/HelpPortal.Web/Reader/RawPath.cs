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
        var path = rawTarget.Split(['?', '#'], 2)[0];
        return path.Split('/').Any(segment => Uri.UnescapeDataString(segment) is "." or "..");
    }
}
