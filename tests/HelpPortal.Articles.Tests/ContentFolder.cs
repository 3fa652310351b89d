namespace HelpPortal.Articles.Tests;

/// <summary>A small content folder in a temporary directory, written file by file by a test.</summary>
public sealed class ContentFolder : IDisposable
{
    public const string Categories = """
        - id: email
          title: { en: Email, sv: E-post }
          order: 1
        - id: errors
          title: { en: Error messages, sv: Felmeddelanden }
          order: 2
          parent: email
        """;

    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["mail.incoming.host"] = "imap.example.test",
        ["mail.incoming.port"] = "993",
        ["mail.incoming.security"] = "SSL/TLS",
        ["mail.outgoing.host"] = "smtp.example.test",
        ["mail.outgoing.port"] = "465",
        ["mail.outgoing.security"] = "SSL/TLS",
        ["mail.limits.mailboxPerHour"] = "300",
        ["mail.limits.domainPerHour"] = "2000",
        ["mail.limits.blockMinutes"] = "60",
        ["mail.providerName"] = "Example Mail",
    };

    /// <summary>The servers the placeholders above name, as the web host hands them in.</summary>
    public static readonly IReadOnlyList<ServerPlaceholders> Servers =
    [
        new("IMAP", "mail.incoming.host", "mail.incoming.port"),
        new("SMTP", "mail.outgoing.host", "mail.outgoing.port"),
    ];

    public static readonly IReadOnlySet<string> Widgets = new HashSet<string> { "mail-settings", "mail-tester", "sending-limits", "client-setup", "domain-check" };

    public ContentFolder(bool withCategories = true)
    {
        Root = Directory.CreateTempSubdirectory("helpportal-content-").FullName;
        Path = System.IO.Path.Combine(Root, "content");
        Assets = System.IO.Path.Combine(Root, "assets");
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "articles", "en"));
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "articles", "sv"));
        Directory.CreateDirectory(Assets);
        if (withCategories)
        {
            Write("categories.yaml", Categories);
        }
    }

    public string Root { get; }
    public string Path { get; }
    public string Assets { get; }

    public ContentLoadOptions Options => new(Path, Placeholders, Widgets, Assets) { Servers = Servers };

    /// <summary>Writes a file relative to the content folder, creating folders on the way.</summary>
    public ContentFolder Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    /// <summary>Writes an article with valid front matter around <paramref name="body"/>.</summary>
    public ContentFolder Article(string lang, string slug, string body = "Some text.", string? extraFrontMatter = null, string? translation = null, string updated = "2024-05-01")
    {
        var other = lang == "en" ? "sv" : "en";
        var translations = translation is null ? "" : $"translations: {{ {other}: {translation} }}\n";
        return Write($"articles/{lang}/{slug}.md", $"""
            ---
            title: Title of {slug}
            summary: Summary of {slug}
            categories: [email]
            updated: {updated}
            {translations}{extraFrontMatter}---

            {body}
            """);
    }

    /// <summary>An English article and its Swedish translation, both valid.</summary>
    public ContentFolder Pair(string enSlug, string svSlug, string enBody = "Some text.", string svBody = "Lite text.") =>
        Article("en", enSlug, enBody, translation: svSlug).Article("sv", svSlug, svBody, translation: enSlug);

    public ContentCatalog Load(ContentCatalog? previous = null) => ContentLoader.Load(Options, previous);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the OS cleans temp folders.
        }
    }
}
