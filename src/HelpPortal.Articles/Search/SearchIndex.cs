using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace HelpPortal.Articles.Search;

/// <summary>
/// An SQLite FTS5 index of one catalog version's published articles, in a private in-memory database.
/// Immutable once built; searches may run concurrently. Two tables hold the same rows: <c>docs</c> keeps
/// å, ä, ö as themselves, <c>docs_folded</c> ignores diacritics and is only asked after the exact pass.
/// Rows are numbered by language, then newest first: a language is a rowid range and "newest first" is
/// rowid order, so ranking reads only the full-text index, never the stored text.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    // bm25 weights per column: title, headings, tags, body.
    private const string Rank = "bm25({0}, 10.0, 5.0, 3.0, 1.0)";
    // Private-use characters mark the matches inside snippets, so the text can be escaped before <mark> goes in.
    private const char MarkOpen = '\uE000';
    private const char MarkClose = '\uE001';

    private readonly string _connectionString;
    private readonly SqliteConnection _keeper;
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private readonly Article[] _articles;
    private readonly Dictionary<string, (long First, long Last)> _languages;
    private int _users = 1;

    private SearchIndex(string connectionString, SqliteConnection keeper, Article[] articles, TypoCorrector corrector, long catalogVersion)
    {
        _connectionString = connectionString;
        _keeper = keeper;
        _articles = articles;
        _languages = articles.Select((article, i) => (article.Lang, Rowid: i + 1L))
            .GroupBy(row => row.Lang, StringComparer.Ordinal)
            .ToDictionary(rows => rows.Key, rows => (rows.Min(r => r.Rowid), rows.Max(r => r.Rowid)), StringComparer.Ordinal);
        Corrector = corrector;
        CatalogVersion = catalogVersion;
    }

    public long CatalogVersion { get; }
    public int Count => _articles.Length;
    public TypoCorrector Corrector { get; }

    /// <summary>Matches in <paramref name="lang"/>; see <see cref="SearchService"/> for corrections and fallback.</summary>
    internal List<SearchHit> Find(IReadOnlyList<QueryWord> words, string lang, int limit, bool foldedPass)
    {
        if (!_languages.TryGetValue(lang, out var range))
        {
            return [];
        }
        var connection = Rent();
        try
        {
            var hits = new List<SearchHit>();
            var seen = new HashSet<long>();
            foreach (var any in new[] { false, true })
            {
                // All words first; only when that finds nothing, any of them (bm25 still favours more words).
                if (any && (hits.Count > 0 || words.Count < 2))
                {
                    break;
                }
                var fts = QueryText.ToFts(words, any);
                Query(connection, "docs", fts, range, limit - hits.Count, hits, seen, folded: false);
                if (foldedPass && hits.Count < limit)
                {
                    Query(connection, "docs_folded", fts, range, limit - hits.Count, hits, seen, folded: true);
                }
            }
            return hits;
        }
        finally
        {
            Return(connection);
        }
    }

    /// <summary>Titles whose article matches the words, the last one as a prefix.</summary>
    internal List<SearchSuggestion> Suggest(IReadOnlyList<QueryWord> words, string lang, int limit)
    {
        if (!_languages.TryGetValue(lang, out var range))
        {
            return [];
        }
        var connection = Rent();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT rowid FROM docs WHERE docs MATCH $q AND rowid BETWEEN $first AND $last
                ORDER BY {string.Format(Rank, "docs")}, rowid LIMIT $limit
                """;
            command.Parameters.AddWithValue("$q", QueryText.ToFts(words, prefixLast: true));
            command.Parameters.AddWithValue("$first", range.First);
            command.Parameters.AddWithValue("$last", range.Last);
            command.Parameters.AddWithValue("$limit", limit);
            var suggestions = new List<SearchSuggestion>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var article = _articles[reader.GetInt64(0) - 1];
                suggestions.Add(new SearchSuggestion(article.Lang, article.Slug, article.Title));
            }
            return suggestions;
        }
        finally
        {
            Return(connection);
        }
    }

    private void Query(SqliteConnection connection, string table, string fts, (long First, long Last) range, int take,
        List<SearchHit> hits, HashSet<long> seen, bool folded)
    {
        using var command = connection.CreateCommand();
        // Rank first, then build snippets for the few rows kept. CROSS JOIN pins the join order: left to itself
        // the planner scans every match of the outer MATCH again and probes the top rows, doubling the cost.
        // Ties go to the lower rowid, which is the newer article.
        command.CommandText = $"""
            WITH top AS (
                SELECT rowid AS id, {string.Format(Rank, table)} AS score
                FROM {table} WHERE {table} MATCH $q AND rowid BETWEEN $first AND $last
                ORDER BY score, rowid LIMIT $limit)
            SELECT top.id, snippet({table}, -1, char(57344), char(57345), '…', 24)
            FROM top CROSS JOIN {table} ON {table}.rowid = top.id
            WHERE {table} MATCH $q
            ORDER BY top.score, top.id
            """;
        command.Parameters.AddWithValue("$q", fts);
        command.Parameters.AddWithValue("$first", range.First);
        command.Parameters.AddWithValue("$last", range.Last);
        // Rows an earlier pass already returned are skipped, so ask for that many more.
        command.Parameters.AddWithValue("$limit", take + seen.Count);
        using var reader = command.ExecuteReader();
        var added = 0;
        while (added < take && reader.Read())
        {
            var rowid = reader.GetInt64(0);
            if (seen.Add(rowid))
            {
                hits.Add(new SearchHit(_articles[rowid - 1], Highlight(reader.GetString(1)), folded));
                added++;
            }
        }
    }

    /// <summary>Escapes the snippet, then turns the match markers into <c>&lt;mark&gt;</c>.</summary>
    internal static string Highlight(string snippet) => Escape(snippet)
        .Replace(MarkOpen.ToString(), "<mark>", StringComparison.Ordinal)
        .Replace(MarkClose.ToString(), "</mark>", StringComparison.Ordinal);

    // Only the characters that mean something in HTML; å, ä, ö stay readable in the page source.
    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
