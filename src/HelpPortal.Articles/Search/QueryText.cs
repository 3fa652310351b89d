using System.Globalization;
using System.Text;

namespace HelpPortal.Articles.Search;

/// <summary>
/// Turns what a reader typed into words, and words into FTS5 syntax. Only letters and digits survive
/// tokenizing, and every word is emitted inside double quotes, so no operator, quote, star, column
/// filter or parenthesis from the input can ever reach the FTS5 parser.
/// </summary>
public static class QueryText
{
    /// <summary>Input beyond this is ignored; a query is a question, not a document.</summary>
    public const int MaxInputLength = 500;
    public const int MaxWords = 16;
    public const int MaxWordLength = 64;

    /// <summary>
    /// The words of <paramref name="input"/>: each whitespace-separated chunk split on anything that is not a
    /// letter or digit (as SQLite's unicode61 tokenizer does), lower-cased. A chunk such as <c>e-post</c>
    /// stays one word with two tokens, searched as a phrase.
    /// </summary>
    public static IReadOnlyList<QueryWord> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return [];
        }
        var text = input.Length > MaxInputLength ? input[..MaxInputLength] : input;
        var words = new List<QueryWord>();
        foreach (var chunk in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = Tokens(chunk);
            if (tokens.Count > 0)
            {
                words.Add(new QueryWord(tokens));
            }
            if (words.Count == MaxWords)
            {
                break;
            }
        }
        return words;
    }

    /// <summary>The words joined by single spaces, as the search log stores them.</summary>
    public static string Normalize(IEnumerable<QueryWord> words) => string.Join(' ', words.Select(w => w.Text));

    /// <summary>The FTS5 expression for <paramref name="words"/>: all of them (AND) or any (OR).</summary>
    /// <param name="prefixLast">Match the last word as a prefix, for as-you-type suggestions.</param>
    public static string ToFts(IReadOnlyList<QueryWord> words, bool any = false, bool prefixLast = false)
    {
        var parts = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            // Tokens hold letters and digits only, so a quote cannot appear; the phrase is safe as it is.
            var phrase = "\"" + string.Join(' ', words[i].Tokens) + "\"";
            parts.Add(prefixLast && i == words.Count - 1 ? phrase + " *" : phrase);
        }
        return string.Join(any ? " OR " : " ", parts);
    }

    /// <summary>Whether a word carries a diacritic (å, ä, ö, é ...): then the reader meant it, and no folded pass runs.</summary>
    public static bool HasDiacritics(string word) => Fold(word) != word;

    /// <summary>The word without diacritics: <c>lösenord</c> becomes <c>losenord</c>.</summary>
    public static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static List<string> Tokens(string chunk)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in chunk.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (current.Length < MaxWordLength)
                {
                    current.Append(char.ToLowerInvariant(c));
                }
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }
        return tokens;
    }
}

/// <summary>One word of a query; usually one token, several for a chunk such as <c>e-post</c>.</summary>
public sealed record QueryWord(IReadOnlyList<string> Tokens)
{
    public string Text => string.Join('-', Tokens);

    /// <summary>A single plain word: the only kind the typo corrector touches.</summary>
    public bool IsSingle => Tokens.Count == 1;
}
