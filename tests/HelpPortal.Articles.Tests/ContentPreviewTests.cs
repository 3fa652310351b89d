namespace HelpPortal.Articles.Tests;

public sealed class ContentPreviewTests : IDisposable
{
    private readonly ContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ThePreviewRendersWidgetsAndPlaceholdersAndReportsErrorsByLine()
    {
        var catalog = _folder.Pair("a", "a-sv", "## Part {#part}").Load();
        var markdown = "---\ntitle: Draft\nsummary: S\ncategories: [email, nope]\nupdated: 2024-01-01\ntranslations: { sv: a-sv }\n---\n" +
            "Host {{mail.incoming.host}}.\n\n::: mail-settings\n:::\n\nSee [a](/en/articles/a#part) and [b](/en/articles/a#gone).\n";

        var preview = ContentPreview.Render(_folder.Options, catalog, "en", "draft", markdown);

        Assert.Collection(preview.Article.Body,
            s => Assert.Contains("Host imap.example.test.", Assert.IsType<HtmlSegment>(s).Html),
            s => Assert.Equal("mail-settings", Assert.IsType<WidgetSegment>(s).Name),
            s => Assert.IsType<HtmlSegment>(s));
        Assert.Equal(
            ["articles/en/draft.md:4: unknown category 'nope' (not in categories.yaml)",
             "articles/en/draft.md:13: link to '/en/articles/a#gone': articles/en/a.md has no heading with id 'gone'"],
            preview.Errors.Select(e => e.ToString()));
    }
}
