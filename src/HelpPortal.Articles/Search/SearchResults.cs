namespace HelpPortal.Articles.Search;

/// <summary>One found article.</summary>
/// <param name="SnippetHtml">Escaped text around the matches, with the matched words in <c>&lt;mark&gt;</c>; safe to emit as markup.</param>
/// <param name="WithoutDiacritics">Found only when å, ä, ö and other diacritics were ignored.</param>
public sealed record SearchHit(Article Article, string SnippetHtml, bool WithoutDiacritics);

/// <summary>What a search found, and what it searched for.</summary>
/// <param name="Normalized">The query as the search log stores it: lower-case words, single spaces.</param>
/// <param name="Corrected">The query actually searched when a word was corrected ("Showing results for ..."), otherwise null.</param>
/// <param name="Lang">The language of the hits: the asked language, or the other one when it had none.</param>
/// <param name="OtherLanguage">True when the asked language had no hit and these come from another.</param>
public sealed record SearchResult(
    string Normalized,
    string? Corrected,
    string Lang,
    bool OtherLanguage,
    IReadOnlyList<SearchHit> Hits)
{
    public static SearchResult Empty(string lang) => new("", null, lang, false, []);
}

/// <summary>An as-you-type suggestion: an article title and where it lives.</summary>
public sealed record SearchSuggestion(string Lang, string Slug, string Title);
