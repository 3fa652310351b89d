using HelpPortal.Articles;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Reader;

public sealed class ContentReloadTests : IDisposable
{
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void ThePortalHasLoadedTheContentBeforeTheFirstRequest()
    {
        _content.CleanPair();
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["Content:Path"] = _content.Path });

        var catalog = factory.Services.GetRequiredService<IContentCatalogSource>().Current;

        Assert.Equal("Title hello", catalog.Find("en", "hello")!.Title);
        Assert.Contains("Hello Websupport.", catalog.Find("en", "hello")!.PlainText);
    }

    [Fact]
    public async Task AnEditWhileThePortalRunsIsServedWithinSeconds()
    {
        _content.CleanPair(enBody: "Before.");
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["Content:Path"] = _content.Path });
        var source = factory.Services.GetRequiredService<IContentCatalogSource>();
        var changed = new TaskCompletionSource<ContentCatalog>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Changed += catalog => changed.TrySetResult(catalog);

        _content.CleanPair(enBody: "After, with {{mail.incoming.host}}.");

        var catalog = await changed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Contains("After, with imap.websupport.se.", catalog.Find("en", "hello")!.PlainText);
        Assert.Same(catalog, source.Current);
    }

    [Fact]
    public void TheConfiguredImapHostFlowsIntoTheRenderedArticle()
    {
        _content.CleanPair(enBody: "| Server |\n|---|\n| `{{mail.incoming.host}}` |");
        using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Content:Path"] = _content.Path,
            ["MailService:Incoming:Host"] = "imap.elsewhere.test",
        });

        var article = factory.Services.GetRequiredService<IContentCatalogSource>().Current.Find("en", "hello")!;

        var html = string.Concat(article.Body.OfType<HtmlSegment>().Select(s => s.Html));
        Assert.Contains("<td><code>imap.elsewhere.test</code></td>", html);
    }
}
