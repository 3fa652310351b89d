using Microsoft.Data.Sqlite;

namespace HelpPortal.Articles.Search;

// Building an index: the two FTS5 tables filled from the catalog, and the vocabulary for typo correction.
public sealed partial class SearchIndex
{
    /// <summary>Builds the index of <paramref name="catalog"/>'s published articles (drafts are never indexed).</summary>
    public static SearchIndex Build(ContentCatalog catalog, CancellationToken cancellationToken = default)
    {
        var articles = catalog.AllArticles.Where(a => !a.Draft)
            .OrderBy(a => a.Lang, StringComparer.Ordinal).ThenByDescending(a => a.Updated).ThenBy(a => a.Slug, StringComparer.Ordinal)
            .ToArray();
        // A named shared-cache memory database lives as long as one connection to it is open (the keeper);
        // pooling is off so that closing the last connection really frees it.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"file:search-{Guid.NewGuid():N}?mode=memory&cache=shared",
            Pooling = false,
        }.ToString();
        var keeper = new SqliteConnection(connectionString);
        keeper.Open();
        try
        {
            Fill(keeper, articles, cancellationToken);
            var corrector = new TypoCorrector(ReadVocabulary(keeper));
            return new SearchIndex(connectionString, keeper, articles, corrector, catalog.Version);
        }
        catch
        {
            keeper.Dispose();
            throw;
        }
    }

    private static void Fill(SqliteConnection connection, Article[] articles, CancellationToken cancellationToken)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE VIRTUAL TABLE docs USING fts5(title, headings, tags, body, tokenize = 'unicode61 remove_diacritics 0');
                CREATE VIRTUAL TABLE docs_folded USING fts5(title, headings, tags, body, tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE vocab USING fts5vocab(docs, 'row');
                """;
            create.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO docs (rowid, title, headings, tags, body) VALUES ($id, $title, $headings, $tags, $body);
            INSERT INTO docs_folded (rowid, title, headings, tags, body) VALUES ($id, $title, $headings, $tags, $body);
            """;
        var parameters = new[] { "$id", "$title", "$headings", "$tags", "$body" }
            .ToDictionary(name => name, name => insert.Parameters.Add(new SqliteParameter { ParameterName = name }));
        for (var i = 0; i < articles.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var article = articles[i];
            parameters["$id"].Value = i + 1;
            parameters["$title"].Value = Clean(article.Title);
            parameters["$headings"].Value = Clean(string.Join(" · ", article.Headings.Select(h => h.Text)));
            parameters["$tags"].Value = Clean(string.Join(' ', article.Tags));
            parameters["$body"].Value = Clean(article.Summary + "\n" + article.PlainText);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static Dictionary<string, int> ReadVocabulary(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, doc FROM vocab";
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            terms[reader.GetString(0)] = reader.GetInt32(1);
        }
        return terms;
    }

    // The snippet markers must not occur in the text itself.
    private static string Clean(string text) => text.Replace(MarkOpen, ' ').Replace(MarkClose, ' ');
}
