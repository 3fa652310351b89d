namespace HelpPortal.Articles.Search;

/// <summary>
/// Finds the indexed term one edit away (a wrong, missing, extra or swapped letter: Damerau-Levenshtein 1)
/// from a word the index does not know. Candidates are generated from the word and looked up, so the
/// cost depends on the word's length, not on the size of the vocabulary.
/// </summary>
public sealed class TypoCorrector
{
    /// <summary>Shorter words are left alone: at three letters one edit reaches too many other words.</summary>
    public const int MinLength = 4;

    private readonly Dictionary<string, int> _documentCounts;
    private readonly HashSet<string> _folded;
    private readonly char[] _alphabet;

    /// <param name="documentCounts">Each indexed term with the number of documents holding it.</param>
    public TypoCorrector(IReadOnlyDictionary<string, int> documentCounts)
    {
        _documentCounts = new Dictionary<string, int>(documentCounts, StringComparer.Ordinal);
        _folded = new HashSet<string>(_documentCounts.Keys.Select(QueryText.Fold), StringComparer.Ordinal);
        _alphabet = _documentCounts.Keys.SelectMany(t => t).Where(char.IsLetter).Distinct().Order().ToArray();
    }

    public bool Knows(string term) => _documentCounts.ContainsKey(term);

    /// <summary>
    /// The best replacement for <paramref name="word"/>, or null when the word is known (also without its
    /// diacritics, which the folded pass handles), too short, not all letters, or has no neighbour.
    /// The most common neighbour wins; ties go to the alphabetically first, so the answer is stable.
    /// </summary>
    public string? Correct(string word)
    {
        if (word.Length < MinLength || !word.All(char.IsLetter) || Knows(word) || _folded.Contains(QueryText.Fold(word)))
        {
            return null;
        }
        string? best = null;
        var bestCount = 0;
        foreach (var candidate in Neighbours(word))
        {
            if (candidate.Length >= MinLength - 1
                && _documentCounts.TryGetValue(candidate, out var count)
                && (count > bestCount || (count == bestCount && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private IEnumerable<string> Neighbours(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return word.Remove(i, 1);
        }
        for (var i = 0; i + 1 < word.Length; i++)
        {
            if (word[i] != word[i + 1])
            {
                var swapped = word.ToCharArray();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                yield return new string(swapped);
            }
        }
        foreach (var letter in _alphabet)
        {
            for (var i = 0; i < word.Length; i++)
            {
                if (word[i] != letter)
                {
                    yield return string.Concat(word.AsSpan(0, i), [letter], word.AsSpan(i + 1));
                }
            }
            for (var i = 0; i <= word.Length; i++)
            {
                yield return word.Insert(i, letter.ToString());
            }
        }
    }
}
