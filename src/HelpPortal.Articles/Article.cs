namespace HelpPortal.Articles;

/// <summary>How hard an article is; shown as a badge.</summary>
public enum ArticleLevel
{
    Beginner,
    Intermediate,
    Advanced,
}

/// <summary>A heading of an article body, for the table of contents and anchor links.</summary>
public sealed record ArticleHeading(int Level, string Id, string Text);

/// <summary>A piece of a rendered article body: either sanitized HTML or a widget slot.</summary>
public abstract record ArticleSegment;

/// <summary>Sanitized HTML, safe to emit as markup.</summary>
public sealed record HtmlSegment(string Html) : ArticleSegment;

/// <summary>A <c>::: name</c> container that the web layer fills with a component.</summary>
/// <param name="Name">The widget name, for example <c>mail-settings</c>.</param>
public sealed record WidgetSegment(string Name) : ArticleSegment;

/// <summary>One article in one language, parsed, validated and rendered once per catalog version.</summary>
public sealed record Article
{
    public required string Lang { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public required DateOnly Updated { get; init; }
    public ArticleLevel? Level { get; init; }
    public IReadOnlyList<string> Related { get; init; } = [];
    /// <summary>Slug per other language.</summary>
    public IReadOnlyDictionary<string, string> Translations { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Tags { get; init; } = [];
    public bool Draft { get; init; }

    /// <summary>The file, relative to the content folder.</summary>
    public required string SourcePath { get; init; }
    /// <summary>A short hash of the source text, so feedback can be read per revision.</summary>
    public required string Revision { get; init; }

    public required IReadOnlyList<ArticleSegment> Body { get; init; }
    public IReadOnlyList<ArticleHeading> Headings { get; init; } = [];
    /// <summary>The body as plain text with placeholders replaced, for search.</summary>
    public string PlainText { get; init; } = "";
}
