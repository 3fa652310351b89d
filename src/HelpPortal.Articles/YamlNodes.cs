using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HelpPortal.Articles;

/// <summary>
/// Reads YAML through the representation model rather than a deserializer, because every complaint
/// must point at the line of the key that caused it.
/// </summary>
internal static class YamlNodes
{
    /// <summary>Parses one YAML document; a syntax error becomes a located message instead of an exception.</summary>
    public static YamlNode? Parse(string text, int firstLine, string path, List<ContentError> errors)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            var line = firstLine + (int)Math.Max(ex.Start.Line, 1) - 1;
            errors.Add(new ContentError(path, line, $"malformed YAML: {Describe(ex)}"));
            return null;
        }
    }

    /// <summary>The 1-based line of a node in the file, given the file line of the YAML's first line.</summary>
    public static int LineOf(YamlNode node, int firstLine) => firstLine + (int)node.Start.Line - 1;

    public static string? Scalar(YamlNode node) => node is YamlScalarNode s ? s.Value : null;

    /// <summary>A scalar or a list of scalars; null when the node is neither.</summary>
    public static List<string>? StringList(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" } => [],
        YamlScalarNode s => [s.Value!],
        YamlSequenceNode seq when seq.Children.All(c => c is YamlScalarNode) =>
            seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList(),
        _ => null,
    };

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes its messages with the position, which the caller already reports.
        var message = ex.InnerException?.Message ?? ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }
}
