using System.Globalization;

namespace HelpPortal.Mail.DomainCheck;

/// <summary>Whether a DMARC record can be read by receivers, and if not, why.</summary>
/// <param name="Tag">The tag at fault (<c>v</c>, <c>p</c>, <c>rua</c>...), or <c>syntax</c> when a part is no tag at all.</param>
public sealed record DmarcVerdict(bool Valid, string? Policy, string? Problem, string? Tag = null);

/// <summary>
/// Checks a DMARC policy record's syntax as receivers read it (RFC 9989, which replaced RFC 7489): it starts with
/// <c>v=DMARC1</c>, every part is <c>tag=value</c>, <c>p=</c> names a policy, and the tags with fixed values have one
/// of them. Unknown tags are ignored, as receivers ignore them.
/// </summary>
public static class DmarcRecord
{
    public const string Version = "DMARC1";
    private static readonly string[] Policies = ["none", "quarantine", "reject"];

    /// <summary>Whether a TXT record at <c>_dmarc</c> starts with the DMARC version tag, the way receivers pick records.</summary>
    public static bool StartsWithVersion(string text) =>
        TagList.Pairs(text).FirstOrDefault() is ("v", { } value) && value == Version;

    /// <summary>Whether a TXT record looks like an attempt at a DMARC record, even a broken one.</summary>
    public static bool LooksLikeDmarc(string text) =>
        text.Contains("dmarc", StringComparison.OrdinalIgnoreCase) || TagList.Parse(text).ContainsKey("p");

    public static DmarcVerdict Validate(string text)
    {
        if (!StartsWithVersion(text))
        {
            return Invalid("v", "the record must start with v=DMARC1 (exactly, in capitals), before any other tag");
        }

        foreach (var (name, value) in TagList.Pairs(text))
        {
            if (value is null || name.Length == 0)
            {
                return Invalid("syntax", $"\"{name}\" is not a tag=value pair; parts are separated by semicolons");
            }
        }

        var tags = TagList.Parse(text);
        if (!tags.TryGetValue("p", out var policy))
        {
            return Invalid("p", "the policy tag p= is missing (p=none, p=quarantine or p=reject)");
        }
        foreach (var key in new[] { "p", "sp", "np" })
        {
            if (tags.TryGetValue(key, out var value) && !Policies.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return Invalid(key, $"{key}={value} is not a policy; use none, quarantine or reject");
            }
        }
        foreach (var key in new[] { "adkim", "aspf" })
        {
            if (tags.TryGetValue(key, out var value) && value is not ("r" or "s" or "R" or "S"))
            {
                return Invalid(key, $"{key}={value} must be r (relaxed) or s (strict)");
            }
        }
        if (tags.TryGetValue("pct", out var pct)
            && !(int.TryParse(pct, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent <= 100))
        {
            return Invalid("pct", $"pct={pct} must be a whole number from 0 to 100");
        }
        foreach (var key in new[] { "rua", "ruf" })
        {
            if (tags.TryGetValue(key, out var value) && value.Split(',').Any(uri => !IsReportUri(uri.Trim())))
            {
                return Invalid(key, $"{key}= must list addresses as mailto:name@example.com, separated by commas");
            }
        }
        return new DmarcVerdict(true, policy.ToLowerInvariant(), null);
    }

    // A report URI may carry a size limit after "!" (RFC 7489 section 6.2).
    private static bool IsReportUri(string uri)
    {
        var bang = uri.IndexOf('!');
        var address = bang < 0 ? uri : uri[..bang];
        return Uri.TryCreate(address, UriKind.Absolute, out var parsed) && parsed.Scheme.Length > 0
            && (!parsed.Scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase) || address.Contains('@', StringComparison.Ordinal));
    }

    private static DmarcVerdict Invalid(string tag, string problem) => new(false, null, problem, tag);
}
