namespace HelpPortal.Articles.Tests;

/// <summary>One test per kind of finding that check-content reports across files.</summary>
public sealed class ContentChecksTests : IDisposable
{
    private readonly ContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ACleanFolderHasNoFindings()
    {
        _folder.Pair("a", "a-sv", "See [b](/en/articles/b#part) and ![logo](/img/logo.png).", "Se [b](/sv/articles/b-sv).")
            .Pair("b", "b-sv", "## Part {#part}\n\nText.")
            .Write("../assets/img/logo.png", "png");

        Assert.Empty(_folder.Load().Errors);
    }

    [Fact]
    public void SlugsThatDifferOnlyInCaseAreDuplicates()
    {
        _folder.Pair("setup", "setup-sv").Article("en", "Setup");

        var errors = Errors();

        Assert.Contains("articles/en/Setup.md:0: duplicate slug 'setup' (also articles/en/setup.md)", errors);
        Assert.Contains("articles/en/setup.md:0: duplicate slug 'setup' (also articles/en/Setup.md)", errors);
    }

    [Fact]
    public void ALinkToAMissingArticleIsAnErrorAtItsLine()
    {
        _folder.Pair("a", "a-sv", "Intro.\n\nRead [this](/en/articles/nothing-here).");

        Assert.Contains("articles/en/a.md:11: link to '/en/articles/nothing-here': no article 'nothing-here' in articles/en/", Errors());
    }

    [Fact]
    public void ALinkToAMissingHeadingInAnotherArticleIsAnError()
    {
        _folder.Pair("a", "a-sv", "Read [this](/en/articles/b#nowhere).").Pair("b", "b-sv", "## Somewhere\n");

        Assert.Contains("articles/en/a.md:9: link to '/en/articles/b#nowhere': articles/en/b.md has no heading with id 'nowhere'", Errors());
    }

    [Fact]
    public void ALinkToAMissingHeadingInTheSameArticleIsAnError()
    {
        _folder.Pair("a", "a-sv", "## Here\n\nJump [there](#there) or [here](#here).");

        var errors = Errors();

        Assert.Contains("articles/en/a.md:11: link to '#there': no heading with that id in this article", errors);
        Assert.DoesNotContain(errors, e => e.Contains("'#here'", StringComparison.Ordinal));
    }

    [Fact]
    public void ALinkToAMissingCategoryIsAnError()
    {
        _folder.Pair("a", "a-sv", "All [guides](/en/categories/guides), all [mail](/en/categories/email).");

        var errors = Errors();

        Assert.Contains("articles/en/a.md:9: link to '/en/categories/guides': no category 'guides'", errors);
        Assert.DoesNotContain(errors, e => e.Contains("categories/email", StringComparison.Ordinal));
    }

    [Fact]
    public void AnImageOutsideTheContentFolderGetsTheSameAnswerWhetherOrNotTheFileExists()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"helpportal-outside-{Guid.NewGuid():N}.png");
        File.WriteAllText(outside, "png");
        try
        {
            var existing = Path.GetRelativePath(Path.Combine(_folder.Path, "articles/en"), outside);
            var missing = Path.GetRelativePath(Path.Combine(_folder.Path, "articles/en"), outside + ".missing.png");
            _folder.Pair("a", "a-sv", $"![a]({existing})\n\n![b]({missing})");

            var errors = Errors();

            Assert.Contains($"articles/en/a.md:9: image '{existing}' points outside the content and assets folders", errors);
            Assert.Contains($"articles/en/a.md:11: image '{missing}' points outside the content and assets folders", errors);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void AnImageFoundNeitherInTheAssetsNorBesideTheArticleIsAnError()
    {
        _folder.Pair("a", "a-sv", "![missing](/img/missing.png)\n\n![beside](beside.png)\n\n![gone](gone.png)")
            .Write("articles/en/beside.png", "png");

        var errors = Errors();

        Assert.Contains("articles/en/a.md:9: image '/img/missing.png' does not exist in the assets folder or next to the article", errors);
        Assert.Contains("articles/en/a.md:13: image 'gone.png' does not exist in the assets folder or next to the article", errors);
        Assert.DoesNotContain(errors, e => e.Contains("beside.png", StringComparison.Ordinal));
    }

    [Fact]
    public void AnArticleWithoutATranslationIsAWarningAndStillPublished()
    {
        _folder.Article("en", "lonely");
        var catalog = _folder.Load();

        Assert.Contains("articles/en/lonely.md:1: warning: no 'sv' translation", catalog.Errors.Select(e => e.ToString()));
        Assert.NotNull(catalog.Find("en", "lonely"));
    }

    [Fact]
    public void ATranslationUpdatedLongBeforeItsCounterpartIsAWarningOnTheOlderOne()
    {
        _folder.Article("en", "a", translation: "a-sv", updated: "2024-06-01")
            .Article("sv", "a-sv", translation: "a", updated: "2023-01-01");

        var errors = Errors();

        Assert.Contains("articles/sv/a-sv.md:5: warning: updated 517 days before its translation articles/en/a.md; it may be out of date", errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("articles/en/a.md", StringComparison.Ordinal));
    }

    [Fact]
    public void TranslationsUpdatedCloseTogetherAreFine()
    {
        _folder.Article("en", "a", translation: "a-sv", updated: "2024-06-01")
            .Article("sv", "a-sv", translation: "a", updated: "2024-01-01");

        Assert.Empty(Errors());
    }

    [Fact]
    public void AConfiguredHostWrittenOutIsAnError()
    {
        _folder.Pair("a", "a-sv", "Use IMAP.EXAMPLE.TEST as the server, not imap.example.testing.com.");

        var errors = Errors();

        Assert.Contains("articles/en/a.md:9: the configured host 'imap.example.test' is written out: use {{mail.incoming.host}} so it follows the configuration", errors);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("The IMAP port is 143.", "port 143 beside IMAP contradicts the configured port 993: use {{mail.incoming.port}}")]
    [InlineData("Outgoing SMTP uses 587 with STARTTLS.", "port 587 beside SMTP contradicts the configured port 465: use {{mail.outgoing.port}}")]
    [InlineData("Use port 25 for outgoing SMTP mail.", "port 25 beside SMTP contradicts the configured port 465: use {{mail.outgoing.port}}")]
    [InlineData("| IMAP | 143 |", "port 143 beside IMAP contradicts the configured port 993: use {{mail.incoming.port}}")]
    public void APortBesideImapOrSmtpThatDiffersFromTheModelIsAnError(string line, string message)
    {
        _folder.Pair("a", "a-sv", line);

        Assert.Contains($"articles/en/a.md:9: {message}", Errors());
    }

    [Theory]
    [InlineData("IMAP on port {{mail.incoming.port}} and SMTP on port {{mail.outgoing.port}}.")]
    [InlineData("SMTP lets one mailbox send {{mail.limits.mailboxPerHour}} messages, or 300 a day by SMTP standards.")]
    [InlineData("IMAP was defined in 2003-03-01 and SMTP in 1982.")]
    public void TextWithoutAContradictingPortIsFine(string line)
    {
        _folder.Pair("a", "a-sv", line);

        Assert.DoesNotContain(Errors(), e => e.Contains("port", StringComparison.Ordinal) && !e.Contains("warning", StringComparison.Ordinal));
    }

    [Fact]
    public void TheConfiguredPortWrittenOutIsAWarning()
    {
        _folder.Pair("a", "a-sv", "IMAP port 993 is encrypted.");

        Assert.Contains("articles/en/a.md:9: warning: port 993 beside IMAP is written out: use {{mail.incoming.port}} so it follows the configuration", Errors());
    }

    [Fact]
    public void TheServersComeFromTheHostThatHandsThePlaceholdersIn()
    {
        _folder.Pair("a", "a-sv", "Use imap.example.test, and IMAP port 143.");
        var placeholders = new Dictionary<string, string>(ContentFolder.Placeholders) { ["inbox.name"] = "imap.example.test", ["inbox.port"] = "993" };
        var renamed = _folder.Options with { Placeholders = placeholders, Servers = [new("IMAP", "inbox.name", "inbox.port")] };
        var unnamed = _folder.Options with { Servers = [] };

        var errors = ContentLoader.Load(renamed).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains("articles/en/a.md:9: the configured host 'imap.example.test' is written out: use {{inbox.name}} so it follows the configuration", errors);
        Assert.Contains("articles/en/a.md:9: port 143 beside IMAP contradicts the configured port 993: use {{inbox.port}}", errors);
        Assert.DoesNotContain(ContentLoader.Load(unnamed).Errors, e => e.Message.Contains("configured", StringComparison.Ordinal));
    }

    private List<string> Errors() => _folder.Load().Errors.Select(e => e.ToString()).ToList();
}
