// Just over 200 lines: every front-matter field with its path:line message, kept as one table.
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace HelpPortal.Articles;

/// <summary>The front matter of one article, typed, with the file line of every key for later checks.</summary>
internal sealed record FrontMatter
{
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public DateOnly? Updated { get; init; }
    public ArticleLevel? Level { get; init; }
    public IReadOnlyList<string> Related { get; init; } = [];
    public IReadOnlyDictionary<string, string> Translations { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Tags { get; init; } = [];
    public bool Draft { get; init; }

    /// <summary>File line per key, so cross-article checks (categories, related, translations) can point at it.</summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    public int LineOf(string key, int fallback = 1) => KeyLines.TryGetValue(key, out var line) ? line : fallback;
}

/// <summary>Turns the YAML between the <c>---</c> lines into a <see cref="FrontMatter"/>, checking each field.</summary>
internal static class FrontMatterReader
{
    private static readonly string[] Known =
        ["title", "summary", "categories", "updated", "level", "related", "translations", "tags", "draft"];

    /// <param name="yaml">The YAML text without the delimiter lines.</param>
    /// <param name="firstLine">The file line of the YAML's first line.</param>
    /// <param name="delimiterLine">The file line of the opening <c>---</c>, where missing keys are reported.</param>
    public static FrontMatter Read(string yaml, int firstLine, int delimiterLine, string path, string lang, List<ContentError> errors)
    {
        var root = YamlNodes.Parse(yaml, firstLine, path, errors);
        if (root is null)
        {
            if (!errors.Any(e => e.Path == path))
            {
                errors.Add(new ContentError(path, delimiterLine, "front matter is empty"));
            }
            return new FrontMatter();
        }
        if (root is not YamlMappingNode map)
        {
            errors.Add(new ContentError(path, YamlNodes.LineOf(root, firstLine), "front matter must be a set of 'key: value' lines"));
            return new FrontMatter();
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = YamlNodes.Scalar(keyNode) ?? "";
            var line = YamlNodes.LineOf(keyNode, firstLine);
            if (!Known.Contains(key))
            {
                errors.Add(new ContentError(path, line, $"unknown front matter key '{key}' (ignored)", ContentSeverity.Warning));
                continue;
            }
            if (!values.TryAdd(key, valueNode))
            {
                errors.Add(new ContentError(path, line, $"'{key}' is given twice"));
                continue;
            }
            lines[key] = line;
        }

        string? Text(string key, bool required)
        {
            if (!values.TryGetValue(key, out var node))
            {
                if (required)
                {
                    errors.Add(new ContentError(path, delimiterLine, $"'{key}' is required"));
                }
                return null;
            }
            var text = YamlNodes.Scalar(node);
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(new ContentError(path, lines[key], $"'{key}' must be a non-empty text"));
                return null;
            }
            return text.Trim();
        }

        IReadOnlyList<string> List(string key, bool required)
        {
            if (!values.TryGetValue(key, out var node))
            {
                if (required)
                {
                    errors.Add(new ContentError(path, delimiterLine, $"'{key}' is required"));
                }
                return [];
            }
            var list = YamlNodes.StringList(node);
            if (list is null)
            {
                errors.Add(new ContentError(path, lines[key], $"'{key}' must be a list, for example [a, b]"));
                return [];
            }
            if (required && list.Count == 0)
            {
                errors.Add(new ContentError(path, lines[key], $"'{key}' needs at least one entry"));
            }
            return list.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        }

        var title = Text("title", required: true);
        var summary = Text("summary", required: true);
        var categories = List("categories", required: true);

        DateOnly? updated = null;
        if (Text("updated", required: true) is { } updatedText)
        {
            if (DateOnly.TryParseExact(updatedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                updated = date;
            }
            else
            {
                errors.Add(new ContentError(path, lines["updated"], $"'updated' must be a date written yyyy-MM-dd, not '{updatedText}'"));
            }
        }

        ArticleLevel? level = null;
        if (Text("level", required: false) is { } levelText)
        {
            level = levelText switch
            {
                "beginner" => ArticleLevel.Beginner,
                "intermediate" => ArticleLevel.Intermediate,
                "advanced" => ArticleLevel.Advanced,
                _ => null,
            };
            if (level is null)
            {
                errors.Add(new ContentError(path, lines["level"], $"'level' must be beginner, intermediate or advanced, not '{levelText}'"));
            }
        }

        var draft = false;
        if (Text("draft", required: false) is { } draftText)
        {
            if (!bool.TryParse(draftText, out draft))
            {
                errors.Add(new ContentError(path, lines["draft"], $"'draft' must be true or false, not '{draftText}'"));
            }
        }

        var translations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (values.TryGetValue("translations", out var translationsNode))
        {
            if (translationsNode is YamlMappingNode translationMap)
            {
                foreach (var (langNode, slugNode) in translationMap.Children)
                {
                    var otherLang = YamlNodes.Scalar(langNode) ?? "";
                    var slug = YamlNodes.Scalar(slugNode)?.Trim() ?? "";
                    var line = YamlNodes.LineOf(langNode, firstLine);
                    if (!ContentCatalog.IsLanguage(otherLang) || otherLang == lang)
                    {
                        errors.Add(new ContentError(path, line, $"translation language '{otherLang}' must be one of the other languages ({string.Join(", ", ContentCatalog.Languages.Where(l => l != lang))})"));
                    }
                    else if (!Slugs.IsValid(slug))
                    {
                        errors.Add(new ContentError(path, line, $"translation slug '{slug}' must use only a-z, 0-9 and '-'"));
                    }
                    else
                    {
                        translations[otherLang] = slug;
                    }
                }
            }
            else if (translationsNode is not YamlScalarNode { Value: null or "" })
            {
                errors.Add(new ContentError(path, lines["translations"], "'translations' must map a language to a slug, for example { sv: felsokning-e-post }"));
            }
        }

        var related = List("related", required: false);
        foreach (var slug in related.Where(s => !Slugs.IsValid(s)))
        {
            errors.Add(new ContentError(path, lines["related"], $"related slug '{slug}' must use only a-z, 0-9 and '-'"));
        }

        return new FrontMatter
        {
            Title = title,
            Summary = summary,
            Categories = categories,
            Updated = updated,
            Level = level,
            Related = related,
            Translations = translations,
            Tags = List("tags", required: false),
            Draft = draft,
            KeyLines = lines,
        };
    }
}
