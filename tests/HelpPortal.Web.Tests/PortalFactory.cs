using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HelpPortal.Web.Tests;

/// <summary>
/// The real portal in process: the repository's content folder (or a copy) and a fresh SQLite file per factory.
/// Settings passed in override appsettings.json, as environment variables would.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public PortalFactory(IDictionary<string, string?>? settings = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("helpportal-test-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Content:Path"] = RepositoryPaths.Content,
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(DataDirectory, "portal.db")}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the OS cleans temp folders.
        }
    }
}

/// <summary>Where the repository's own folders are, found from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelpPortal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("HelpPortal.sln not found above the test binaries.");
    }
}
