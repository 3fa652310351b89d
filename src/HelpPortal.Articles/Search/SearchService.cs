using Microsoft.Extensions.Logging;

namespace HelpPortal.Articles.Search;

/// <summary>
/// Holds the search index of the current catalog. On every catalog change a new index is built in the
/// background and swapped in with one reference exchange; a search holds a share of the index it started
/// with, so an index is closed only after its last search finished and no reader sees a half-built one.
/// </summary>
public sealed class SearchService : IDisposable
{
    public const int DefaultLimit = 20;
    public const int SuggestionLimit = 8;

    private readonly IContentCatalogSource _catalogs;
    private readonly ILogger<SearchService> _logger;
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);
    private SearchIndex? _index;

    /// <summary>Builds the index of the current catalog, then follows the catalog's changes.</summary>
    public SearchService(IContentCatalogSource catalogs, ILogger<SearchService> logger)
    {
        _catalogs = catalogs;
        _logger = logger;
        // Listen first, so a change during this build is not missed; a rebuild that lands first is the newer index.
        _catalogs.Changed += OnCatalogChanged;
        var first = SearchIndex.Build(_catalogs.Current);
        if (Interlocked.CompareExchange(ref _index, first, null) is not null)
        {
            first.Dispose();
        }
    }

    /// <summary>The catalog version the current index was built from.</summary>
    public long IndexedVersion => Index.CatalogVersion;

    /// <summary>Raised after a new index has been swapped in (tests wait on it).</summary>
    public event Action<long>? Swapped;

    private SearchIndex Index => Volatile.Read(ref _index) ?? throw new ObjectDisposedException(nameof(SearchService));

    /// <summary>
    /// Searches published articles in <paramref name="lang"/>; when that language has no hit, the other
    /// languages are searched and the result says so. Unknown words of four letters or more are replaced
    /// by their nearest indexed term, and the result carries the corrected query.
    /// </summary>
    public SearchResult Search(string? query, string lang, int limit = DefaultLimit)
    {
        var words = QueryText.Parse(query);
        if (words.Count == 0)
        {
            return SearchResult.Empty(lang);
        }
        var normalized = QueryText.Normalize(words);
        return WithIndex(index =>
        {
            var searched = Correct(index.Corrector, words);
            var corrected = QueryText.Normalize(searched) is var text && text != normalized ? text : null;
            // A reader who typed å, ä or ö meant them; only a query without diacritics also searches folded text.
            var foldedPass = !searched.Any(w => w.Tokens.Any(QueryText.HasDiacritics));
            var hits = index.Find(searched, lang, limit, foldedPass);
            if (hits.Count > 0)
            {
                return new SearchResult(normalized, corrected, lang, false, hits);
            }
            foreach (var other in ContentCatalog.Languages.Where(l => l != lang))
            {
                hits = index.Find(searched, other, limit, foldedPass);
                if (hits.Count > 0)
                {
                    return new SearchResult(normalized, corrected, other, true, hits);
                }
            }
            return new SearchResult(normalized, corrected, lang, false, []);
        });
    }

    /// <summary>
    /// The form under which queries that mean the same fall together: the words as this search understands
    /// them (lower case, typos corrected as <see cref="Search"/> corrects them), without diacritics, in
    /// alphabetical order, each once. "SMTP Port", "port smpt" and "pört smtp" share one key.
    /// </summary>
    public string GapKey(string? query)
    {
        var words = QueryText.Parse(query);
        if (words.Count == 0)
        {
            return "";
        }
        var corrected = WithIndex(index => Correct(index.Corrector, words));
        return string.Join(' ', corrected.Select(w => QueryText.Fold(w.Text)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    /// <summary>Article titles for as-you-type suggestions; the last word counts as a prefix.</summary>
    public IReadOnlyList<SearchSuggestion> Suggest(string? query, string lang, int limit = SuggestionLimit)
    {
        var words = QueryText.Parse(query);
        return words.Count == 0 ? [] : WithIndex(index => index.Suggest(words, lang, limit));
    }

    /// <summary>Builds the index of <paramref name="catalog"/> and swaps it in; concurrent calls run one at a time.</summary>
    public async Task RebuildAsync(ContentCatalog catalog, CancellationToken cancellationToken = default)
    {
        await _rebuildGate.WaitAsync(cancellationToken);
        try
        {
            // A newer catalog may already be indexed if changes came in quick succession.
            if (Volatile.Read(ref _index) is { } current && current.CatalogVersion > catalog.Version)
            {
                return;
            }
            var fresh = await Task.Run(() => SearchIndex.Build(catalog, cancellationToken), cancellationToken);
            Interlocked.Exchange(ref _index, fresh)?.Dispose();
            _logger.LogInformation("Search index rebuilt: {Count} articles, catalog version {Version}", fresh.Count, catalog.Version);
            Swapped?.Invoke(catalog.Version);
        }
        finally
        {
            _rebuildGate.Release();
        }
    }

    public void Dispose()
    {
        _catalogs.Changed -= OnCatalogChanged;
        Interlocked.Exchange(ref _index, null)?.Dispose();
    }

    private void OnCatalogChanged(ContentCatalog catalog) => _ = RebuildInBackgroundAsync(catalog);

    private async Task RebuildInBackgroundAsync(ContentCatalog catalog)
    {
        try
        {
            await RebuildAsync(catalog);
        }
        catch (Exception e)
        {
            // The old index keeps answering; a failed rebuild must never take search down.
            _logger.LogError(e, "Search index rebuild for catalog version {Version} failed", catalog.Version);
        }
    }

    private T WithIndex<T>(Func<SearchIndex, T> search)
    {
        while (true)
        {
            var index = Index;
            // The index may be retired between reading the field and taking a share; then take the new one.
            if (index.TryAcquire())
            {
                try
                {
                    return search(index);
                }
                finally
                {
                    index.Release();
                }
            }
        }
    }

    private static IReadOnlyList<QueryWord> Correct(TypoCorrector corrector, IReadOnlyList<QueryWord> words) =>
        words.Select(w => w.IsSingle && corrector.Correct(w.Tokens[0]) is { } better ? new QueryWord([better]) : w).ToList();
}
