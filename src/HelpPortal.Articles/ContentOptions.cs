namespace HelpPortal.Articles;

/// <summary>The <c>Content</c> configuration section.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>The content folder; empty means the repository's <c>content/</c> folder.</summary>
    public string Path { get; set; } = "";
}
