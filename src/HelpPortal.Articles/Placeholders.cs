using System.Text.RegularExpressions;

namespace HelpPortal.Articles;

/// <summary>
/// Swaps <c>{{name}}</c> placeholders for inert tokens before Markdig sees the text, and the tokens for the
/// values after rendering. Replacing in the source would let a value be read as Markdown, and leaving the
/// braces would let the generic-attributes extension read <c>{mail.x}</c> as an attribute and swallow it.
/// The token is plain ASCII letters and digits, so it survives text, code spans, tables, link targets and
/// heading ids unchanged. An unknown placeholder is an error and renders as nothing.
/// </summary>
internal sealed partial class Placeholders
{
    private readonly List<string> _values = [];

    private Placeholders()
    {
    }

    /// <summary>The value of each token, in token order; empty for an unknown placeholder.</summary>
    public IReadOnlyList<string> Values => _values;

    public static (string Text, Placeholders Placeholders) Protect(
        string text, IReadOnlyDictionary<string, string> values, string path, List<ContentError> errors)
    {
        var placeholders = new Placeholders();
        var protectedText = PlaceholderPattern().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (!values.TryGetValue(name, out var value))
            {
                errors.Add(new ContentError(path, LineAt(text, match.Index), $"unknown placeholder '{{{{{name}}}}}'"));
                value = "";
            }
            placeholders._values.Add(value.ReplaceLineEndings(" "));
            return Token(placeholders._values.Count - 1);
        });
        return (protectedText, placeholders);
    }

    /// <summary>Replaces placeholders in a short text such as the title, where no Markdown is involved.</summary>
    public static string ReplaceInline(string text, IReadOnlyDictionary<string, string> values, string path, int line, List<ContentError> errors) =>
        PlaceholderPattern().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (values.TryGetValue(name, out var value))
            {
                return value;
            }
            errors.Add(new ContentError(path, line, $"unknown placeholder '{{{{{name}}}}}'"));
            return "";
        });

    /// <summary>Puts the values back; <paramref name="encode"/> decides how (HTML-encoded for markup, raw for plain text).</summary>
    public string Restore(string text, Func<string, string> encode) =>
        _values.Count == 0 ? text : TokenPattern().Replace(text, m =>
            int.TryParse(m.Groups[1].ValueSpan, out var i) && i < _values.Count ? encode(_values[i]) : m.Value);

    public static int LineAt(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }
        return line;
    }

    private static string Token(int index) => $"zqph{index}hpqz";

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.-]*)\s*\}\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"zqph(\d+)hpqz")]
    private static partial Regex TokenPattern();
}
