namespace HelpPortal.Articles.Tests;

/// <summary>Widgets, callouts, placeholders and sanitizing, through the whole loader.</summary>
public sealed class BodyTests : IDisposable
{
    private readonly ContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AWidgetBetweenTwoParagraphsSplitsTheBodyWithBothParagraphsIntact()
    {
        _folder.Pair("x", "x-sv", """
            First paragraph, **before** the widget.

            ::: mail-settings
            :::

            Second paragraph, after the widget.
            """);

        var body = _folder.Load().Find("en", "x")!.Body;

        Assert.Collection(body,
            s => Assert.Equal("<p>First paragraph, <strong>before</strong> the widget.</p>", Assert.IsType<HtmlSegment>(s).Html.Trim()),
            s => Assert.Equal("mail-settings", Assert.IsType<WidgetSegment>(s).Name),
            s => Assert.Equal("<p>Second paragraph, after the widget.</p>", Assert.IsType<HtmlSegment>(s).Html.Trim()));
    }

    [Fact]
    public void AWidgetIsNamedByItsContainerLine()
    {
        _folder.Pair("x", "x-sv", "::: mail-tester\n:::\n");

        var widget = Assert.IsType<WidgetSegment>(Assert.Single(_folder.Load().Find("en", "x")!.Body));

        Assert.Equal("mail-tester", widget.Name);
    }

    [Fact]
    public void AnUnknownWidgetIsAnErrorAtItsLine()
    {
        _folder.Pair("x", "x-sv", "Text.\n\n::: weather\n:::\n");

        // Front matter takes lines 1-7 and a blank line follows; the body starts on line 9.
        Assert.Contains(Errors(), e => e.StartsWith("articles/en/x.md:11: unknown widget or callout 'weather'", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnclosedContainerIsAnErrorAtItsOpeningLine()
    {
        _folder.Pair("x", "x-sv", "Text.\n\n::: note\nStill in the note.\n");

        Assert.Contains("articles/en/x.md:11: container '::: note' is not closed: add a line ':::' after it", Errors());
    }

    [Fact]
    public void AWidgetInsideACalloutIsAnError()
    {
        _folder.Pair("x", "x-sv", "::::: note\n::: mail-settings\n:::\n:::::\n");

        Assert.Contains(Errors(), e => e.StartsWith("articles/en/x.md:10: widget 'mail-settings' must stand at the top level", StringComparison.Ordinal));
    }

    [Fact]
    public void TextAfterAWidgetsNameIsAWarningAndTheWidgetStays()
    {
        _folder.Pair("x", "x-sv", "::: mail-tester focus=smtp\n:::\n");

        var catalog = _folder.Load();

        Assert.Contains("articles/en/x.md:9: warning: widget 'mail-tester' takes nothing after its name; 'focus=smtp' is ignored",
            catalog.Errors.Select(e => e.ToString()));
        Assert.Equal("mail-tester", Assert.IsType<WidgetSegment>(Assert.Single(catalog.Find("en", "x")!.Body)).Name);
    }

    [Fact]
    public void CalloutsAreLabelledInTheArticlesLanguage()
    {
        _folder.Pair("x", "x-sv", svBody: "::: note\nA\n:::\n\n::: tip\nB\n:::\n\n::: warning\nC\n:::\n");

        var html = Html(_folder.Load().Find("sv", "x-sv")!);

        Assert.Contains("<aside class=\"callout callout-note\" role=\"note\" aria-label=\"Obs\">", html);
        Assert.Contains("<aside class=\"callout callout-tip\" role=\"note\" aria-label=\"Tips\">", html);
        Assert.Contains("<aside class=\"callout callout-warning\" role=\"note\" aria-label=\"Varning\">", html);
    }

    [Fact]
    public void AnUnknownPlaceholderIsAnErrorAtItsLineAndNeverShowsItsBraces()
    {
        _folder.Pair("x", "x-sv", "Line one.\n\nThe server is {{mail.incoming.hots}} today.\n");
        var catalog = _folder.Load();

        Assert.Contains("articles/en/x.md:11: unknown placeholder '{{mail.incoming.hots}}'", catalog.Errors.Select(e => e.ToString()));
        var parsed = ArticleParser.Parse("articles/en/x.md", "en", "x", File.ReadAllText(Path.Combine(_folder.Path, "articles/en/x.md")), _folder.Options, []);
        var html = string.Concat(parsed.Body.OfType<HtmlSegment>().Select(s => s.Html));
        Assert.Contains("<p>The server is  today.</p>", html);
        Assert.DoesNotContain("{{", html);
        Assert.DoesNotContain("{{", parsed.PlainText);
    }

    [Fact]
    public void PlainTextHoldsThePlaceholderValuesForSearch()
    {
        _folder.Pair("x", "x-sv", "Incoming: {{mail.incoming.host}}\n\n| Port |\n|---|\n| `{{mail.outgoing.port}}` |\n");

        var text = _folder.Load().Find("en", "x")!.PlainText;

        Assert.Contains("Incoming: imap.example.test", text);
        Assert.Contains("465", text);
        Assert.DoesNotContain("zqph", text);
    }

    [Fact]
    public void HeadingsListTheSecondAndThirdLevelsWithIdsAndText()
    {
        _folder.Pair("x", "x-sv", "# Top\n\n## From abroad {#abroad}\n\n### Using a `VPN`\n\n#### Deep\n");

        var headings = _folder.Load().Find("en", "x")!.Headings;

        Assert.Equal(
            [new ArticleHeading(2, "abroad", "From abroad"), new ArticleHeading(3, "using-a-vpn", "Using a VPN")],
            headings);
    }

    [Fact]
    public void ScriptsEventAttributesAndJavascriptLinksNeverReachThePage()
    {
        _folder.Pair("x", "x-sv", """
            <script>alert('a')</script>

            <img src="/logo.png" onerror="alert('b')" alt="logo">

            [one](javascript:alert('c')) <a href=" javascript:alert('d')">two</a> <a href="/ok" onclick="alert('e')">three</a>

            <iframe src="https://evil.example"></iframe><form action="/x"><input name="p"></form>
            """);

        var html = Html(_folder.Load().Find("en", "x")!);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<img src=\"/logo.png\" alt=\"logo\">", html);
        Assert.Contains("<a href=\"/ok\">three</a>", html);
    }

    private static string Html(Article article) => string.Concat(article.Body.OfType<HtmlSegment>().Select(s => s.Html));

    private List<string> Errors() => _folder.Load().Errors.Select(e => e.ToString()).ToList();
}
