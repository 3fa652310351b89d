using System.Globalization;
using System.Text.RegularExpressions;

namespace HelpPortal.Articles;

/// <summary>
/// Finds text that contradicts the configured mail settings: a configured host written out instead of its
/// placeholder, or a port beside IMAP/SMTP that is not the configured one. Which placeholders name the servers is
/// handed in (<see cref="ContentLoadOptions.Servers"/>), so this library stays ignorant of the mail model itself.
/// </summary>
internal static partial class MailLiterals
{
    /// <summary>The servers' host placeholders that have a value: what <see cref="Check"/> looks for.</summary>
    public static List<KeyValuePair<string, string>> ConfiguredHosts(ContentLoadOptions options) =>
        options.Servers
            .Select(s => s.HostKey)
            .Distinct(StringComparer.Ordinal)
            .Where(key => options.Placeholders.TryGetValue(key, out var host) && host.Length > 0)
            .Select(key => KeyValuePair.Create(key, options.Placeholders[key]))
            .ToList();

    public static void Check(ParsedArticle article, List<KeyValuePair<string, string>> hosts, ContentLoadOptions options, List<ContentError> errors)
    {
        var lines = article.Source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            foreach (var (key, host) in hosts)
            {
                if (ContainsHost(line, host))
                {
                    errors.Add(new ContentError(article.Path, i + 1, $"the configured host '{host}' is written out: use {{{{{key}}}}} so it follows the configuration"));
                }
            }
            // Every port pattern needs a digit; most lines have none, and splitting them into clauses was most of the load's checking time.
            if (!line.AsSpan().ContainsAnyInRange('0', '9'))
            {
                continue;
            }
            foreach (var clause in ClauseBreak().Split(line))
            {
                CheckPorts(article.Path, i + 1, clause, options, errors);
            }
        }
    }

    private static void CheckPorts(string path, int line, string clause, ContentLoadOptions options, List<ContentError> errors)
    {
        var found = new HashSet<(string Protocol, int Port)>();
        foreach (Match m in ProtocolThenPort().Matches(clause))
        {
            found.Add((Normalize(m.Groups["proto"].Value), int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture)));
        }
        foreach (Match m in PortThenProtocol().Matches(clause))
        {
            found.Add((Normalize(m.Groups["proto"].Value), int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture)));
        }
        // "on port 587" counts only when the clause speaks of one protocol, so "IMAP on 993 and SMTP on 465" stays unambiguous.
        var protocols = ProtocolWord().Matches(clause).Select(m => Normalize(m.Value)).Distinct().ToList();
        if (protocols.Count == 1)
        {
            foreach (Match m in PortWordThenNumber().Matches(clause))
            {
                found.Add((protocols[0], int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture)));
            }
        }

        foreach (var (protocol, port) in found)
        {
            var key = options.Servers.FirstOrDefault(s => string.Equals(s.Protocol, protocol, StringComparison.OrdinalIgnoreCase))?.PortKey;
            if (key is null || !options.Placeholders.TryGetValue(key, out var configured)
                || !int.TryParse(configured, CultureInfo.InvariantCulture, out var configuredPort))
            {
                continue;
            }
            if (port != configuredPort)
            {
                errors.Add(new ContentError(path, line, $"port {port} beside {protocol} contradicts the configured port {configuredPort}: use {{{{{key}}}}}"));
            }
            else
            {
                errors.Add(new ContentError(path, line, $"port {port} beside {protocol} is written out: use {{{{{key}}}}} so it follows the configuration", ContentSeverity.Warning));
            }
        }
    }

    private static bool ContainsHost(string line, string host)
    {
        for (var at = line.IndexOf(host, StringComparison.OrdinalIgnoreCase); at >= 0; at = line.IndexOf(host, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 ? ' ' : line[at - 1];
            var end = at + host.Length;
            var after = end >= line.Length ? ' ' : line[end];
            // Part of a longer name (mail.imap.example.com, imap.example.community) is another host.
            if (!IsHostChar(before) && !(IsHostChar(after) && !(after == '.' && (end + 1 >= line.Length || !char.IsAsciiLetterOrDigit(line[end + 1])))))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsHostChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';

    private static string Normalize(string protocol) => protocol.ToUpperInvariant().TrimEnd('S');

    [GeneratedRegex(@"[.;!?](?:\s|$)|,\s|\s(?:and|och|or|eller)\s")]
    private static partial Regex ClauseBreak();

    // Joining words are few on purpose: "SMTP to 300 recipients" must not read as a port.
    [GeneratedRegex(@"\b(?<proto>imaps?|smtps?)\b[\s:(/|\-]{0,4}(?:(?:on|uses?|port|porten|is|är|på|använder)\b[\s:=]*){0,3}(?<port>\d{2,5})\b(?![.\-/:]\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ProtocolThenPort();

    [GeneratedRegex(@"(?<![\d.\-/:])\b(?<port>\d{2,5})[\s/()]{0,3}(?:for |för |på )?(?<proto>imaps?|smtps?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortThenProtocol();

    [GeneratedRegex(@"\bimaps?\b|\bsmtps?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProtocolWord();

    [GeneratedRegex(@"\bport(?:en)?(?:\s+(?:is|är|number|nummer))?[\s:=]+(?<port>\d{2,5})\b(?![.\-/:]\d)", RegexOptions.IgnoreCase)]
    private static partial Regex PortWordThenNumber();
}
