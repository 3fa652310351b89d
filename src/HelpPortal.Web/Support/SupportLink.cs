using System.Text;
using System.Text.RegularExpressions;

namespace HelpPortal.Web.Support;

/// <summary>Builds where an escalation goes: the support form's URL from its template, or a <c>mailto:</c>.</summary>
public static partial class SupportLink
{
    /// <summary>
    /// <paramref name="template"/> with each <c>{field}</c> replaced by its escaped value. A query pair whose
    /// placeholders are all empty is left out; a template without placeholders gets every non-empty field
    /// appended as <c>field=value</c>.
    /// </summary>
    public static string Fill(string template, EscalationValues values)
    {
        if (!Placeholder().IsMatch(template))
        {
            var pairs = EscalationFields.All
                .Where(f => !string.IsNullOrEmpty(values[f]))
                .Select(f => f + "=" + Uri.EscapeDataString(values[f]!));
            var query = string.Join('&', pairs);
            return query.Length == 0 ? template : template + (template.Contains('?') ? "&" : "?") + query;
        }
        var queryStart = template.IndexOf('?');
        var path = queryStart < 0 ? template : template[..queryStart];
        var result = new StringBuilder(Substitute(path, values));
        if (queryStart >= 0)
        {
            var kept = template[(queryStart + 1)..].Split('&')
                .Where(pair => !Placeholder().IsMatch(pair) || Placeholder().Matches(pair).Any(m => !string.IsNullOrEmpty(values[m.Groups[1].Value])))
                .Select(pair => Substitute(pair, values))
                .ToList();
            if (kept.Count > 0)
            {
                result.Append('?').AppendJoin('&', kept);
            }
        }
        return result.ToString();
    }

    /// <summary>A <c>mailto:</c> with the subject and body escaped as RFC 6068 asks.</summary>
    public static string MailTo(string address, string subject, string body) =>
        $"mailto:{address}?subject={Uri.EscapeDataString(subject)}&body={Uri.EscapeDataString(body.ReplaceLineEndings("\r\n"))}";

    /// <summary>The first placeholder in <paramref name="template"/> that is not a field, or null.</summary>
    public static string? UnknownPlaceholder(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).FirstOrDefault(name => !EscalationFields.All.Contains(name));

    private static string Substitute(string text, EscalationValues values) =>
        Placeholder().Replace(text, m => Uri.EscapeDataString(values[m.Groups[1].Value] ?? ""));

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Placeholder();
}
