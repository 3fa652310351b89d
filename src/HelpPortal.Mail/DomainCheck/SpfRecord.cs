namespace HelpPortal.Mail.DomainCheck;

/// <summary>One SPF term: a mechanism (<c>include:x</c>, <c>-all</c>) or a modifier (<c>redirect=x</c>).</summary>
public sealed record SpfTerm(char Qualifier, string Name, string? Value, bool IsModifier)
{
    /// <summary>The mechanisms and modifier that make the receiver query DNS (RFC 7208 section 4.6.4).</summary>
    public bool QueriesDns => IsModifier
        ? Name == "redirect"
        : Name is "include" or "a" or "mx" or "ptr" or "exists";

    public override string ToString() => IsModifier
        ? $"{Name}={Value}"
        : (Qualifier == '+' ? "" : Qualifier.ToString()) + Name + (Value is null ? "" : Value.StartsWith('/') ? Value : ":" + Value);
}

/// <summary>An SPF record (RFC 7208) split into its terms. Only the structure is read; nothing is evaluated against an address.</summary>
public sealed record SpfRecord(IReadOnlyList<SpfTerm> Terms)
{
    public const string Version = "v=spf1";

    /// <summary>Whether a TXT record is an SPF record: it starts with <c>v=spf1</c> followed by a space or nothing.</summary>
    public static bool IsSpf(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith(Version, StringComparison.OrdinalIgnoreCase)
            && (trimmed.Length == Version.Length || trimmed[Version.Length] == ' ');
    }

    public static SpfRecord Parse(string text)
    {
        var terms = new List<SpfTerm>();
        foreach (var word in text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            terms.Add(ParseTerm(word));
        }
        return new SpfRecord(terms);
    }

    /// <summary>Whether the record ends in an <c>all</c> mechanism; a <c>redirect=</c> is then ignored (RFC 7208 section 6.1).</summary>
    public bool HasAll => Terms.Any(t => !t.IsModifier && t.Name == "all");

    public override string ToString() => string.Join(' ', [Version, .. Terms.Select(t => t.ToString())]);

    private static SpfTerm ParseTerm(string word)
    {
        var equals = word.IndexOf('=');
        var colon = word.IndexOfAny([':', '/']);
        if (equals > 0 && (colon < 0 || equals < colon))
        {
            return new SpfTerm('+', word[..equals].ToLowerInvariant(), word[(equals + 1)..], IsModifier: true);
        }

        var qualifier = '+';
        var rest = word;
        if (word[0] is '+' or '-' or '~' or '?')
        {
            qualifier = word[0];
            rest = word[1..];
        }
        var separator = rest.IndexOfAny([':', '/']);
        return separator < 0
            ? new SpfTerm(qualifier, rest.ToLowerInvariant(), null, IsModifier: false)
            : new SpfTerm(qualifier, rest[..separator].ToLowerInvariant(),
                rest[separator] == ':' ? rest[(separator + 1)..] : rest[separator..], IsModifier: false);
    }
}
