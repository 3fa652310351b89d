using HelpPortal.Web.Reader;

namespace HelpPortal.Web.Search;

/// <summary>Links out of the search results.</summary>
internal static class SearchUrls
{
    public static string Open(string lang, string slug, long? searchId) => searchId is { } id
        ? $"/{lang}/search/open?sid={id}&slug={Uri.EscapeDataString(slug)}"
        : ReaderUrls.Article(lang, slug);

    public static string Suggest(string lang) => $"/{lang}/search/suggest";
}
