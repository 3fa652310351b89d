using Bunit;
using HelpPortal.Articles;
using HelpPortal.Web.Editors;
using HelpPortal.Web.Reader;
using HelpPortal.Web.Tests.Reader;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Editors;

public sealed class PreviewEditorTests : IDisposable
{
    private const string Article = """
        ---
        title: Typed by an editor
        summary: A preview test.
        categories: [email]
        updated: 2024-05-01
        ---

        Intro text.

        ::: mail-settings
        :::

        ::: warning
        Messages are **not** delivered.
        :::
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("helpportal-preview-").FullName;

    private BunitContext Context(string lang = "en")
    {
        var context = ReaderFixture.Context(lang, ReaderFixture.Catalog(ReaderFixture.Article("en", "alpha")));
        context.Services.AddSingleton(ReaderFeature.LoadOptions(_folder, ReaderFixture.Mail, null));
        return context;
    }

    private static IRenderedComponent<PreviewEditor> Type(BunitContext context, string markdown, string? slug = null)
    {
        var cut = context.Render<PreviewEditor>(p => p.Add(x => x.Debounce, TimeSpan.Zero));
        if (slug is not null)
        {
            cut.Find("input[type=text]").Change(slug);
        }
        cut.Find("textarea").Input(markdown);
        return cut;
    }

    [Fact]
    public void TypedMarkdownRendersItsWidgetAndCallout()
    {
        using var context = Context();

        var cut = Type(context, Article);

        Assert.Equal("Typed by an editor", cut.Find(".preview-article h1").TextContent);
        Assert.Contains("imap.example.test", cut.Find(".preview-article [data-widget=mail-settings]").TextContent);
        Assert.Contains("not", cut.Find(".preview-article aside.callout-warning").TextContent);
        // A lone article has no Swedish counterpart: a warning, never an error.
        Assert.Empty(cut.FindAll(".preview-error"));
        Assert.Contains("no 'sv' translation", cut.Find(".preview-warning").TextContent);
    }

    [Fact]
    public void AnUnknownPlaceholderIsReportedWithItsLine()
    {
        using var context = Context();

        var cut = Type(context, Article + "\nThe host is {{mail.nowhere}}.\n");

        var problem = Assert.Single(cut.FindAll(".preview-error"));
        Assert.Equal("articles/en/preview.md:16: unknown placeholder '{{mail.nowhere}}'", Normalize(problem.TextContent));
    }

    [Fact]
    public void TheSwedishPreviewSpeaksSwedish()
    {
        using var context = Context("sv");

        var cut = Type(context, Article + "\n{{mail.nowhere}}\n");

        // The finding itself stays in check-content's words, so it matches the command's output.
        Assert.StartsWith("articles/en/preview.md:16:", Normalize(cut.Find(".preview-error").TextContent));
        Assert.Contains("Problem som check-content skulle rapportera: 2", cut.Markup);
        Assert.Contains("Språk", cut.Markup);
    }

    [Fact]
    public void TextOverTheLimitIsRefusedWithAClearMessage()
    {
        using var context = Context();

        var cut = Type(context, Article + new string('x', PreviewEditor.MaxChars));

        Assert.Contains("longer than 10,000 characters", cut.Find("[role=alert]").TextContent);
        Assert.Equal("10000", cut.Find("textarea").GetAttribute("maxlength"));
        Assert.Empty(cut.FindAll(".preview-article"));
    }

    [Fact]
    public void TheLanguageAndSlugGiveTheArticleItsContext()
    {
        using var context = Context();
        var cut = Type(context, Article.Replace("Intro text.", "See [alpha](/en/articles/alpha) and [self](/sv/articles/min-artikel#saknas)."));

        cut.Find("select").Change("sv");
        cut.Find("input[type=text]").Change("min-artikel");

        Assert.Equal("sv", cut.Find(".preview-article").GetAttribute("lang"));
        // The slug is the article's own: a link to its missing heading is the only finding.
        var problem = Assert.Single(cut.FindAll(".preview-error"));
        Assert.Contains("saknas", problem.TextContent);
    }

    [Fact]
    public void TypingRendersOnlyAfterAPause()
    {
        using var context = Context();
        var cut = context.Render<PreviewEditor>(p => p.Add(x => x.Debounce, TimeSpan.FromMilliseconds(300)));

        cut.Find("textarea").Input(Article);

        Assert.Empty(cut.FindAll(".preview-article"));
        cut.WaitForAssertion(() => Assert.Equal("Typed by an editor", cut.Find(".preview-article h1").TextContent), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void TheFindingsAreTheLinesCheckContentPrintsForTheSameFile()
    {
        const string Broken = """
            ---
            title: Typed
            summary: Broken on purpose.
            categories: [email, nowhere]
            updated: 2024-05-01
            related: [missing-article]
            ---

            Host {{mail.incoming.hots}} on imap.example.test, or IMAP port 143.
            See [hello](/en/articles/hello#nothing-here) and [gone](/en/articles/gone).

            ::: spinner
            :::

            ::: tip
            Never closed.
            """;
        using var content = new ContentFixture().CleanPair();
        var options = Options(content);
        using var context = Context(options);

        var cut = Type(context, Broken, slug: "typed");
        var shown = cut.FindAll(".preview-errors li").Select(li => Normalize(li.TextContent)).ToList();

        content.Write("articles/en/typed.md", Broken);
        var printed = ContentLoader.Load(options).Errors
            .Where(e => e.Path == "articles/en/typed.md")
            .Select(e => e.ToString())
            .ToList();
        Assert.True(printed.Count >= 9, string.Join('\n', printed));
        Assert.Equal(printed, shown);
    }

    [Fact]
    public void PreviewingSavesNothing()
    {
        using var content = new ContentFixture().CleanPair();
        var options = Options(content);
        using var context = Context(options);
        var source = context.Services.GetRequiredService<IContentCatalogSource>();
        var catalog = source.Current;
        var before = Snapshot(content.Path);

        var cut = Type(context, Article, slug: "typed");
        cut.Find("form").Submit();

        Assert.Equal("Typed by an editor", cut.Find(".preview-article h1").TextContent);
        Assert.Equal(before, Snapshot(content.Path));
        Assert.Same(catalog, source.Current);
        Assert.Null(source.Current.Find("en", "typed"));
    }

    private static ContentLoadOptions Options(ContentFixture content) =>
        ReaderFeature.LoadOptions(content.Path, ReaderFixture.Mail, null);

    /// <summary>A preview whose catalog is the fixture folder loaded as the portal would load it.</summary>
    private static BunitContext Context(ContentLoadOptions options)
    {
        var context = ReaderFixture.Context("en", ContentLoader.Load(options));
        context.Services.AddSingleton(options);
        return context;
    }

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText), StringComparer.Ordinal);

    private static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
