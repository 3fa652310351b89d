namespace HelpPortal.Articles.Tests;

public sealed class FrontMatterTests : IDisposable
{
    private readonly ContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryFieldIsReadIntoTheTypedArticle()
    {
        _folder.Article("sv", "felsokning", translation: "troubleshooting")
            .Article("en", "other", translation: null)
            .Write("articles/en/troubleshooting.md", """
                ---
                title: Troubleshooting {{mail.providerName}}
                summary: Fix the most common problems
                categories: [email, errors]
                updated: 2023-02-20
                level: beginner
                related: [other]
                translations: { sv: felsokning }
                tags: [imap, smtp]
                draft: true
                ---

                Body.
                """);

        var article = _folder.Load().Find("en", "troubleshooting");

        Assert.NotNull(article);
        Assert.Equal("Troubleshooting Example Mail", article.Title);
        Assert.Equal("Fix the most common problems", article.Summary);
        Assert.Equal(["email", "errors"], article.Categories);
        Assert.Equal(new DateOnly(2023, 2, 20), article.Updated);
        Assert.Equal(ArticleLevel.Beginner, article.Level);
        Assert.Equal(["other"], article.Related);
        Assert.Equal("felsokning", article.Translations["sv"]);
        Assert.Equal(["imap", "smtp"], article.Tags);
        Assert.True(article.Draft);
        Assert.Equal("articles/en/troubleshooting.md", article.SourcePath);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("summary")]
    [InlineData("categories")]
    [InlineData("updated")]
    public void AMissingRequiredFieldIsAnErrorAtTheOpeningLine(string field)
    {
        var lines = new[] { "title: T", "summary: S", "categories: [email]", "updated: 2024-01-01" }
            .Where(l => !l.StartsWith(field + ":", StringComparison.Ordinal));
        Write($"---\n{string.Join('\n', lines)}\n---\nBody.\n");

        Assert.Contains($"articles/en/x.md:1: '{field}' is required", Errors());
        Assert.Null(_folder.Load().Find("en", "x"));
    }

    [Fact]
    public void AnUpdatedDateNotWrittenYearMonthDayIsAnErrorAtItsLine()
    {
        Write("---\ntitle: T\nsummary: S\ncategories: [email]\nupdated: 20 Feb 2023\n---\n");

        Assert.Contains("articles/en/x.md:5: 'updated' must be a date written yyyy-MM-dd, not '20 Feb 2023'", Errors());
    }

    [Fact]
    public void AnImpossibleDateIsAnError()
    {
        Write("---\ntitle: T\nsummary: S\ncategories: [email]\nupdated: 2023-02-30\n---\n");

        Assert.Contains(Errors(), e => e.StartsWith("articles/en/x.md:5: 'updated' must be a date", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownLevelIsAnErrorAtItsLine()
    {
        Write("---\ntitle: T\nsummary: S\ncategories: [email]\nupdated: 2024-01-01\nlevel: expert\n---\n");

        Assert.Contains("articles/en/x.md:6: 'level' must be beginner, intermediate or advanced, not 'expert'", Errors());
    }

    [Fact]
    public void AnUnknownCategoryIsAnErrorAtTheCategoriesLine()
    {
        Write("---\ntitle: T\nsummary: S\nupdated: 2024-01-01\ncategories: [email, billing]\n---\n");

        Assert.Contains("articles/en/x.md:5: unknown category 'billing' (not in categories.yaml)", Errors());
    }

    [Fact]
    public void ARelatedSlugMustExistInTheSameLanguage()
    {
        _folder.Article("sv", "bara-svenska");
        Write("---\ntitle: T\nsummary: S\ncategories: [email]\nupdated: 2024-01-01\nrelated: [bara-svenska]\n---\n");

        Assert.Contains("articles/en/x.md:6: related article 'bara-svenska' does not exist in articles/en/", Errors());
    }

    [Fact]
    public void ATranslationMustExistInItsLanguage()
    {
        Write("---\ntitle: T\nsummary: S\ncategories: [email]\nupdated: 2024-01-01\ntranslations: { sv: saknas }\n---\n");

        Assert.Contains("articles/en/x.md:6: translation 'saknas' does not exist in articles/sv/", Errors());
    }

    [Fact]
    public void ATranslationIntoTheArticlesOwnLanguageIsAnError()
    {
        Write("---\ntitle: T\nsummary: S\ncategories: [email]\nupdated: 2024-01-01\ntranslations:\n  en: x\n---\n");

        Assert.Contains(Errors(), e => e.StartsWith("articles/en/x.md:7: translation language 'en' must be one of the other languages", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileNameThatIsNotASlugIsAnError()
    {
        _folder.Article("en", "Bad_Name");

        Assert.Contains("articles/en/Bad_Name.md:0: file name 'Bad_Name' is not a valid slug: use only a-z, 0-9 and '-'", Errors("articles/en/Bad_Name.md"));
    }

    [Fact]
    public void AnArticleOutsideTheLanguageFoldersIsAnError()
    {
        _folder.Article("de", "hallo");

        Assert.Contains("articles/de/hallo.md:0: language folder 'de' must be one of en, sv", Errors("articles/de/hallo.md"));
    }

    [Fact]
    public void AnUnknownKeyIsAWarningAndTheArticleIsStillPublished()
    {
        Write("---\ntitle: T\nsummary: S\ncategories: [email]\nupdated: 2024-01-01\nauthor: Anna\n---\n");

        Assert.Contains("articles/en/x.md:6: warning: unknown front matter key 'author' (ignored)", Errors());
        Assert.NotNull(_folder.Load().Find("en", "x"));
    }

    [Fact]
    public void MalformedYamlIsAnErrorAtTheLineOfTheMistake()
    {
        Write("---\ntitle: T\nsummary: S\ncategories: [email\nupdated: 2024-01-01\n---\n");

        var errors = Errors();
        var error = Assert.Single(errors, e => e.Contains("malformed YAML", StringComparison.Ordinal));
        Assert.Matches(@"^articles/en/x\.md:[45]: malformed YAML: ", error);
    }

    [Fact]
    public void AFieldOfTheWrongShapeIsAnErrorAtItsLine()
    {
        Write("---\ntitle: T\nsummary: S\ncategories: { a: b }\nupdated: 2024-01-01\n---\n");

        Assert.Contains("articles/en/x.md:4: 'categories' must be a list, for example [a, b]", Errors());
    }

    [Fact]
    public void AFileWithoutFrontMatterIsAnError()
    {
        Write("# Just a heading\n\nText.\n");

        Assert.Contains("articles/en/x.md:1: front matter is missing: start the file with '---', the fields, and '---'", Errors());
    }

    [Fact]
    public void FrontMatterThatIsNeverClosedIsAnError()
    {
        Write("---\ntitle: T\nsummary: S\n");

        Assert.Contains(Errors(), e => e.StartsWith("articles/en/x.md:1: front matter is not closed", StringComparison.Ordinal));
    }

    [Fact]
    public void DraftMustBeTrueOrFalse()
    {
        Write("---\ntitle: T\nsummary: S\ncategories: [email]\nupdated: 2024-01-01\ndraft: maybe\n---\n");

        Assert.Contains("articles/en/x.md:6: 'draft' must be true or false, not 'maybe'", Errors());
    }

    [Fact]
    public void AnUnknownPlaceholderInTheTitleIsAnErrorAtTheTitleLine()
    {
        Write("---\ntitle: Hello {{mail.nothing}}\nsummary: S\ncategories: [email]\nupdated: 2024-01-01\n---\n");

        Assert.Contains("articles/en/x.md:2: unknown placeholder '{{mail.nothing}}'", Errors());
    }

    private void Write(string text) => _folder.Write("articles/en/x.md", text);

    private List<string> Errors(string path = "articles/en/x.md") =>
        _folder.Load().Errors.Where(e => e.Path == path).Select(e => e.ToString()).ToList();
}
