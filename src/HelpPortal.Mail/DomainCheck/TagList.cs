namespace HelpPortal.Mail.DomainCheck;

/// <summary>The <c>tag=value; tag=value</c> lists of DKIM and DMARC records (RFC 6376 section 3.2).</summary>
public static class TagList
{
    /// <summary>Tags by lower-case name; the first of a repeated tag wins. Values are trimmed.</summary>
    public static Dictionary<string, string> Parse(string text)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Pairs(text))
        {
            if (value is not null)
            {
                tags.TryAdd(name.ToLowerInvariant(), value);
            }
        }
        return tags;
    }

    /// <summary>The tags in order, names as written; a part without <c>=</c> comes back with a null value.</summary>
    public static IEnumerable<(string Name, string? Value)> Pairs(string text)
    {
        foreach (var part in text.Split(';'))
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }
            var equals = part.IndexOf('=');
            yield return equals < 0 ? (part.Trim(), null) : (part[..equals].Trim(), part[(equals + 1)..].Trim());
        }
    }
}
