namespace HelpPortal.Articles;

/// <summary>A category from <c>categories.yaml</c>.</summary>
public sealed record Category(string Id, IReadOnlyDictionary<string, string> Titles, int Order, string? Parent)
{
    /// <summary>The title in <paramref name="lang"/>, falling back to any title, then the id.</summary>
    public string TitleIn(string lang) =>
        Titles.TryGetValue(lang, out var title) ? title : Titles.Values.FirstOrDefault() ?? Id;
}
