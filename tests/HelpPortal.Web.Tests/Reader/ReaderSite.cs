using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HelpPortal.Web.Tests.Reader;

/// <summary>The real portal over a small content folder whose articles the reader tests know by heart.</summary>
public sealed class ReaderSite : IDisposable
{
    public const string Categories = """
        - id: email
          title: { en: Email, sv: E-post }
          order: 1
        - id: error-messages
          title: { en: Error messages, sv: Felmeddelanden }
          order: 1
          parent: email
        - id: guides
          title: { en: Usable guides, sv: Användbara guider }
          order: 2
        """;

    private readonly string _root;

    public ReaderSite() : this(null)
    {
    }

    internal ReaderSite(IDictionary<string, string?>? settings)
    {
        _root = Directory.CreateTempSubdirectory("helpportal-reader-").FullName;
        Write("categories.yaml", Categories);
        Write("articles/en/alpha.md", """
            ---
            title: Alpha guide
            summary: What alpha is about.
            categories: [email, error-messages]
            updated: 2023-02-20
            level: beginner
            related: [gamma]
            translations: { sv: alfa }
            ---

            Before the table.

            ::: mail-settings
            :::

            The incoming server is {{mail.incoming.host}}.

            ## First part {#first}

            Text.
            """);
        Write("articles/sv/alfa.md", """
            ---
            title: Alfaguiden
            summary: Vad alfa handlar om.
            categories: [email]
            updated: 2023-02-21
            level: beginner
            translations: { en: alpha }
            ---

            Text.
            """);
        Write("articles/en/gamma.md", """
            ---
            title: Gamma guide
            summary: What gamma is about.
            categories: [guides]
            updated: 2024-05-01
            ---

            Text.
            """);
        Write("articles/en/beta.md", """
            ---
            title: Beta draft
            summary: Not ready.
            categories: [email]
            updated: 2024-06-01
            draft: true
            ---

            Text.
            """);
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Content:Path"] = ContentPath };
        Factory = new PortalFactory(all);
    }

    public string ContentPath => Path.Combine(_root, "content");

    public PortalFactory Factory { get; }

    public HttpClient Client(bool handleCookies = false) => Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = handleCookies,
    });

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    private void Write(string relative, string text)
    {
        var path = Path.Combine(ContentPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        Factory.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The content watcher may hold the folder for a moment; the OS cleans temp folders.
        }
    }
}
