namespace HelpPortal.Web.Reader;

/// <summary>The reader-facing URLs (README.md and content/README.md), built in one place.</summary>
public static class ReaderUrls
{
    public static string Home(string lang) => $"/{lang}";

    public static string Category(string lang, string id) => $"/{lang}/categories/{Uri.EscapeDataString(id)}";

    public static string Article(string lang, string slug) => $"/{lang}/articles/{Uri.EscapeDataString(slug)}";

    /// <summary>The article with <paramref name="fragment"/> (a section id, without <c>#</c>).</summary>
    public static string Article(string lang, string slug, string fragment) => $"{Article(lang, slug)}#{fragment}";

    /// <summary>Where the article's vote form posts.</summary>
    public static string Feedback(string lang, string slug) => Article(lang, slug) + "/feedback";

    /// <summary>The article after a vote: <paramref name="state"/> says what the form shows next.</summary>
    public static string AfterVote(string lang, string slug, string state) =>
        $"{Article(lang, slug)}?feedback={Uri.EscapeDataString(state)}#feedback";

    public static string Search(string lang) => $"/{lang}/search";
}
