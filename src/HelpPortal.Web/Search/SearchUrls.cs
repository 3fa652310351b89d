namespace HelpPortal.Web.Search;

/// <summary>Links out of the search results.</summary>
internal static class SearchUrls
{
    public static string Suggest(string lang) => $"/{lang}/search/suggest";
}
