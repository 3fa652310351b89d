namespace HelpPortal.Articles.Tests;

public sealed class ContentLoaderTests : IDisposable
{
    private readonly ContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ABrokenArticleIsNotPublishedAndTheOthersAre()
    {
        _folder.Pair("good", "bra").Pair("bad", "dalig", "Uses {{mail.nope}}.");

        var catalog = _folder.Load();

        Assert.NotNull(catalog.Find("en", "good"));
        Assert.NotNull(catalog.Find("sv", "dalig"));
        Assert.Null(catalog.Find("en", "bad"));
        Assert.Contains(catalog.Errors, e => e.Path == "articles/en/bad.md" && e.Severity == ContentSeverity.Error);
    }

    [Fact]
    public void ABrokenArticleKeepsItsLastGoodVersionFromThePreviousCatalog()
    {
        _folder.Pair("a", "a-sv", "First version.");
        var first = _folder.Load();
        _folder.Pair("a", "a-sv", "Second version with {{mail.broken}}.");

        var second = _folder.Load(first);

        var article = second.Find("en", "a");
        Assert.NotNull(article);
        Assert.Contains("First version.", article.PlainText);
        Assert.Equal(first.Find("en", "a")!.Revision, article.Revision);
        Assert.Contains("articles/en/a.md:9: unknown placeholder '{{mail.broken}}'", second.Errors.Select(e => e.ToString()));
        Assert.Equal(first.Version + 1, second.Version);
    }

    [Fact]
    public void ADeletedArticleDisappearsEvenIfItWasGoodBefore()
    {
        _folder.Pair("a", "a-sv").Article("en", "gone");
        var first = _folder.Load();
        File.Delete(Path.Combine(_folder.Path, "articles/en/gone.md"));

        Assert.Null(_folder.Load(first).Find("en", "gone"));
    }

    [Fact]
    public void TheRevisionChangesWithTheTextAndOnlyWithIt()
    {
        _folder.Pair("a", "a-sv", "One.");
        var one = _folder.Load().Find("en", "a")!.Revision;
        var again = _folder.Load().Find("en", "a")!.Revision;
        _folder.Pair("a", "a-sv", "Two.");
        var two = _folder.Load().Find("en", "a")!.Revision;

        Assert.Equal(one, again);
        Assert.NotEqual(one, two);
        Assert.Matches("^[0-9a-f]{12}$", one);
    }

    [Fact]
    public void DraftsAreInTheCatalogButNotAmongThePublished()
    {
        _folder.Pair("a", "a-sv").Article("en", "draft", extraFrontMatter: "draft: true\n");

        var catalog = _folder.Load();

        Assert.True(catalog.Find("en", "draft")!.Draft);
        Assert.DoesNotContain(catalog.Published("en"), a => a.Slug == "draft");
        Assert.Contains(catalog.Published("en"), a => a.Slug == "a");
    }

    [Fact]
    public void AMissingFolderGivesAnEmptyCatalogWithErrorsInsteadOfThrowing()
    {
        var catalog = ContentLoader.Load(_folder.Options with { ContentPath = Path.Combine(_folder.Root, "nothing") });

        Assert.Empty(catalog.AllArticles);
        Assert.Contains("categories.yaml:0: the categories file is missing", catalog.Errors.Select(e => e.ToString()));
        Assert.Contains("articles:0: the articles folder is missing", catalog.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void GarbageInAFileIsReportedAndTheRestLoads()
    {
        _folder.Pair("a", "a-sv").Write("articles/en/junk.md", "---\n\0\u0001{{{{:::\n[[[\n---\n:::\n```\n<div");

        var catalog = _folder.Load();

        Assert.NotNull(catalog.Find("en", "a"));
        Assert.Contains(catalog.Errors, e => e.Path == "articles/en/junk.md");
    }

    [Fact]
    public void ErrorsAreOrderedByFileAndLine()
    {
        _folder.Pair("b", "b-sv", "{{x.one}}\n\n{{x.two}}").Pair("a", "a-sv", "{{x.three}}");

        var errors = _folder.Load().Errors.Select(e => (e.Path, e.Line)).ToList();

        Assert.Equal(errors.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line), errors);
    }

    [Fact]
    public void AnArticleNamedByItsEnglishSlugIsFoundInEachLanguageThroughItsTranslation()
    {
        _folder.Pair("full-mailbox", "full-brevlada")
            .Article("en", "drafted", translation: "utkast")
            .Article("sv", "utkast", extraFrontMatter: "draft: true\n", translation: "drafted")
            .Article("en", "alone");

        var catalog = _folder.Load();

        Assert.Equal("full-mailbox", catalog.InLanguage("full-mailbox", "en")?.Slug);
        Assert.Equal("full-brevlada", catalog.InLanguage("full-mailbox", "sv")?.Slug);
        Assert.Null(catalog.InLanguage("drafted", "sv"));
        Assert.Null(catalog.InLanguage("alone", "sv"));
        Assert.Null(catalog.InLanguage("full-brevlada", "sv"));
    }
}
