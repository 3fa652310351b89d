using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Reader.Cache;

/// <summary>The two request headers a stored page answers to: <c>Accept-Encoding</c> and <c>If-None-Match</c>.</summary>
internal static class Negotiation
{
    public enum Coding
    {
        Identity,
        Gzip,
        Brotli,
    }

    /// <summary>
    /// The coding the client weighs highest (RFC 9110 section 12.5.3), Brotli before gzip before none on a tie.
    /// When the client refuses everything (<c>*;q=0</c>) it still gets the page uncompressed rather than a 406.
    /// </summary>
    public static Coding Choose(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding))
        {
            return Coding.Identity;
        }
        double? brotli = null, gzip = null, identity = null, any = null;
        foreach (var header in acceptEncoding)
        {
            foreach (var item in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!TryParse(item, out var name, out var q))
                {
                    continue;
                }
                switch (name)
                {
                    case "br": brotli = q; break;
                    case "gzip" or "x-gzip": gzip = q; break;
                    case "identity": identity = q; break;
                    case "*": any = q; break;
                }
            }
        }
        var br = brotli ?? any ?? 0;
        var gz = gzip ?? any ?? 0;
        // Unnamed, no coding stays acceptable but comes last: a client that lists codings wants one of them.
        var plain = identity ?? any ?? double.Epsilon;
        if (br > 0 && br >= gz && br >= plain)
        {
            return Coding.Brotli;
        }
        if (gz > 0 && gz >= plain)
        {
            return Coding.Gzip;
        }
        return Coding.Identity;
    }

    private static bool TryParse(string item, out string name, out double q)
    {
        q = 1;
        var parts = item.Split(';', StringSplitOptions.TrimEntries);
        name = parts[0].ToLowerInvariant();
        if (name.Length == 0)
        {
            return false;
        }
        foreach (var parameter in parts.AsSpan(1))
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
            {
                if (!double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out q)
                    || q is < 0 or > 1)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Whether <c>If-None-Match</c> names <paramref name="etag"/> (weak comparison, as RFC 9110 section 13.1.2
    /// asks for this header) or is <c>*</c>. Anything unreadable matches nothing, so the full page is sent.
    /// </summary>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var item in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var tag = item.StartsWith("W/", StringComparison.Ordinal) ? item[2..] : item;
                if (tag == "*" || string.Equals(tag, etag, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
