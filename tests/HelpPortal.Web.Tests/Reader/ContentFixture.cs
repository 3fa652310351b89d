namespace HelpPortal.Web.Tests.Reader;

/// <summary>A tiny content folder in a temporary directory, for command and reload tests.</summary>
public sealed class ContentFixture : IDisposable
{
    public ContentFixture()
    {
        Path = Directory.CreateTempSubdirectory("helpportal-content-").FullName;
        Write("categories.yaml", "- id: email\n  title: { en: Email, sv: E-post }\n  order: 1\n");
    }

    public string Path { get; }

    public ContentFixture Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public ContentFixture Article(string lang, string slug, string body, string? translation)
    {
        var other = lang == "en" ? "sv" : "en";
        var translations = translation is null ? "" : $"translations: {{ {other}: {translation} }}\n";
        return Write($"articles/{lang}/{slug}.md",
            $"---\ntitle: Title {slug}\nsummary: Summary {slug}\ncategories: [email]\nupdated: 2024-05-01\n{translations}---\n\n{body}\n");
    }

    /// <summary>A clean pair: an English article and its Swedish translation.</summary>
    public ContentFixture CleanPair(string enBody = "Hello {{mail.providerName}}.", string svBody = "Hej.") =>
        Article("en", "hello", enBody, "hej").Article("sv", "hej", svBody, "hello");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // The portal's watcher may still hold the folder for a moment; the OS cleans temp folders.
        }
    }
}
