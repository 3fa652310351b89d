using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace HelpPortal.Articles;

/// <summary>Reads <c>categories.yaml</c>: a list of <c>{ id, title: { en, sv }, order, parent? }</c>.</summary>
internal static class CategoryReader
{
    public const string FileName = "categories.yaml";

    public static List<Category> Read(string contentPath, List<ContentError> errors)
    {
        var file = Path.Combine(contentPath, FileName);
        if (!File.Exists(file))
        {
            errors.Add(new ContentError(FileName, 0, "the categories file is missing"));
            return [];
        }
        return Parse(File.ReadAllText(file), errors);
    }

    public static List<Category> Parse(string yaml, List<ContentError> errors)
    {
        var root = YamlNodes.Parse(yaml, 1, FileName, errors);
        if (root is null)
        {
            return [];
        }
        if (root is not YamlSequenceNode list)
        {
            errors.Add(new ContentError(FileName, YamlNodes.LineOf(root, 1), "categories.yaml must be a list of categories ('- id: ...')"));
            return [];
        }

        var categories = new List<(Category Category, int Line, int ParentLine)>();
        foreach (var item in list.Children)
        {
            var line = YamlNodes.LineOf(item, 1);
            if (item is not YamlMappingNode map)
            {
                errors.Add(new ContentError(FileName, line, "each category must have id, title, order"));
                continue;
            }
            if (Read(map, errors) is { } read)
            {
                categories.Add(read);
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<(Category Category, int Line, int ParentLine)>();
        foreach (var entry in categories)
        {
            if (ids.Add(entry.Category.Id))
            {
                unique.Add(entry);
            }
            else
            {
                errors.Add(new ContentError(FileName, entry.Line, $"category id '{entry.Category.Id}' is used twice"));
            }
        }

        var byId = unique.ToDictionary(e => e.Category.Id, e => e.Category, StringComparer.Ordinal);
        var result = new List<Category>();
        foreach (var (category, line, parentLine) in unique)
        {
            if (category.Parent is null)
            {
                result.Add(category);
            }
            else if (!byId.ContainsKey(category.Parent))
            {
                errors.Add(new ContentError(FileName, parentLine, $"category '{category.Id}' has an unknown parent '{category.Parent}'"));
                result.Add(category with { Parent = null });
            }
            else if (HasCycle(category, byId))
            {
                errors.Add(new ContentError(FileName, parentLine, $"category '{category.Id}' is its own ancestor (parent cycle)"));
                result.Add(category with { Parent = null });
            }
            else
            {
                result.Add(category);
            }
        }
        return result;
    }

    private static (Category, int, int)? Read(YamlMappingNode map, List<ContentError> errors)
    {
        var line = YamlNodes.LineOf(map, 1);
        string? id = null, parent = null;
        var parentLine = line;
        var order = 0;
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var titleSeen = false;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = YamlNodes.Scalar(keyNode);
            var keyLine = YamlNodes.LineOf(keyNode, 1);
            switch (key)
            {
                case "id":
                    id = YamlNodes.Scalar(value)?.Trim();
                    if (id is null || !Slugs.IsValid(id))
                    {
                        errors.Add(new ContentError(FileName, keyLine, $"category id '{id}' must use only a-z, 0-9 and '-'"));
                        id = null;
                    }
                    break;
                case "title":
                    titleSeen = true;
                    if (value is YamlMappingNode titleMap)
                    {
                        foreach (var (langNode, textNode) in titleMap.Children)
                        {
                            var lang = YamlNodes.Scalar(langNode) ?? "";
                            var text = YamlNodes.Scalar(textNode);
                            if (!ContentCatalog.IsLanguage(lang))
                            {
                                errors.Add(new ContentError(FileName, YamlNodes.LineOf(langNode, 1), $"title language '{lang}' must be en or sv"));
                            }
                            else if (string.IsNullOrWhiteSpace(text))
                            {
                                errors.Add(new ContentError(FileName, YamlNodes.LineOf(langNode, 1), $"title '{lang}' must not be empty"));
                            }
                            else
                            {
                                titles[lang] = text.Trim();
                            }
                        }
                    }
                    else
                    {
                        errors.Add(new ContentError(FileName, keyLine, "title must give one text per language, for example { en: Email, sv: E-post }"));
                    }
                    break;
                case "order":
                    if (!int.TryParse(YamlNodes.Scalar(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out order))
                    {
                        errors.Add(new ContentError(FileName, keyLine, $"order must be a whole number, not '{YamlNodes.Scalar(value)}'"));
                    }
                    break;
                case "parent":
                    parent = YamlNodes.Scalar(value)?.Trim() is { Length: > 0 } p ? p : null;
                    parentLine = keyLine;
                    break;
                default:
                    errors.Add(new ContentError(FileName, keyLine, $"unknown category key '{key}' (ignored)", ContentSeverity.Warning));
                    break;
            }
        }
        if (id is null)
        {
            if (!errors.Any(e => e.Line >= line && e.Message.StartsWith("category id", StringComparison.Ordinal)))
            {
                errors.Add(new ContentError(FileName, line, "a category needs an id"));
            }
            return null;
        }
        foreach (var lang in ContentCatalog.Languages.Where(l => !titles.ContainsKey(l) && titleSeen))
        {
            errors.Add(new ContentError(FileName, line, $"category '{id}' has no '{lang}' title"));
        }
        if (!titleSeen)
        {
            errors.Add(new ContentError(FileName, line, $"category '{id}' needs a title per language"));
        }
        return (new Category(id, titles, order, parent), line, parentLine);
    }

    private static bool HasCycle(Category start, Dictionary<string, Category> byId)
    {
        // Only a category on the loop is reported; one that merely hangs below a loop is not at fault.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var parent = start.Parent; parent is not null && byId.TryGetValue(parent, out var next); parent = next.Parent)
        {
            if (parent == start.Id)
            {
                return true;
            }
            if (!seen.Add(parent))
            {
                return false;
            }
        }
        return false;
    }
}
