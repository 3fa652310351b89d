using System.Globalization;
using Bunit;
using HelpPortal.Articles;
using HelpPortal.Mail;
using HelpPortal.Web.ClientProfiles;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Search;
using HelpPortal.Web.Tester;
using HelpPortal.Web.Reader;
using HelpPortal.Web.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Tests.Reader;

/// <summary>Hand-made catalogs and a bUnit context with the services the reader components inject.</summary>
internal static class ReaderFixture
{
    public static readonly MailServiceModel Mail = new(
        "Example Mail",
        new MailServer("imap.example.test", 993, MailSecurity.SslOnConnect),
        new MailServer("smtp.example.test", 587, MailSecurity.StartTls),
        new SendingLimits(300, 2000, 60));

    public static readonly IReadOnlyList<Category> Categories =
    [
        new("email", new Dictionary<string, string> { ["en"] = "Email", ["sv"] = "E-post" }, 1, null),
        new("error-messages", new Dictionary<string, string> { ["en"] = "Error messages", ["sv"] = "Felmeddelanden" }, 1, "email"),
        new("guides", new Dictionary<string, string> { ["en"] = "Usable guides", ["sv"] = "Användbara guider" }, 2, null),
    ];

    public static Article Article(
        string lang,
        string slug,
        IReadOnlyList<string>? categories = null,
        IReadOnlyList<ArticleSegment>? body = null,
        DateOnly? updated = null,
        ArticleLevel? level = null,
        IReadOnlyList<string>? related = null,
        IReadOnlyDictionary<string, string>? translations = null,
        IReadOnlyList<ArticleHeading>? headings = null,
        bool draft = false) => new()
        {
            Lang = lang,
            Slug = slug,
            Title = $"Title of {slug}",
            Summary = $"Summary of {slug}",
            Categories = categories ?? ["email"],
            Updated = updated ?? new DateOnly(2023, 2, 20),
            Level = level,
            Related = related ?? [],
            Translations = translations ?? new Dictionary<string, string>(),
            Headings = headings ?? [],
            Draft = draft,
            SourcePath = $"articles/{lang}/{slug}.md",
            Revision = "r1",
            Body = body ?? [new HtmlSegment("<p>Body.</p>")],
        };

    public static ContentCatalog Catalog(params Article[] articles) =>
        new(articles, Categories, [], 1, DateTimeOffset.UnixEpoch);

    /// <summary>A bUnit context in <paramref name="lang"/> with the pieces other areas own replaced by stubs.</summary>
    public static BunitContext Context(string lang, ContentCatalog? catalog = null, MailServiceModel? mail = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalLanguage.Culture(lang);
        var context = new BunitContext();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        context.Services.AddSingleton(mail ?? Mail);
        context.Services.AddSingleton(Hosting.TestOrigins.Unconfigured());
        context.Services.AddSingleton<IContentCatalogSource>(new TestCatalogSource(catalog ?? Catalog()));
        context.Services.AddSingleton(Options.Create(new SupportOptions { Url = "https://support.example.test/", Email = "help@example.test" }));
        context.ComponentFactories.AddStub<FeedbackForm>(parameters =>
            $"<div data-stub=\"feedback\">{parameters.Get(x => x.Article).Slug}</div>");
        context.ComponentFactories.AddStub<SearchBox>();
        context.ComponentFactories.AddStub<MailTesterWidget>();
        context.ComponentFactories.AddStub<ClientSetupWidget>();
        return context;
    }
}
