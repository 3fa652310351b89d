namespace HelpPortal.Articles;

/// <summary>Whether a content problem stops an article from being published.</summary>
public enum ContentSeverity
{
    Error,
    Warning,
}

/// <summary>One problem found in the content folder, located as <c>path:line</c>.</summary>
/// <param name="Path">The file, relative to the content folder, with forward slashes.</param>
/// <param name="Line">1-based line in that file; 0 when the problem concerns the whole file.</param>
public sealed record ContentError(string Path, int Line, string Message, ContentSeverity Severity = ContentSeverity.Error)
{
    public override string ToString() =>
        $"{Path}:{Line}: {(Severity == ContentSeverity.Warning ? "warning: " : "")}{Message}";
}
