namespace HelpPortal.Web.Reader;

/// <summary>Where the content and the site's assets are, when configuration does not say.</summary>
internal static class ContentPaths
{
    public static string Content(string configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }
        return RepositoryRoot(contentRoot) is { } root
            ? Path.Combine(root, "content")
            : Path.Combine(contentRoot, "content");
    }

    public static string Assets(IWebHostEnvironment environment)
    {
        if (RepositoryRoot(environment.ContentRootPath) is { } root && Directory.Exists(Path.Combine(root, "wwwroot-assets")))
        {
            return Path.Combine(root, "wwwroot-assets");
        }
        // Published: the assets were copied into wwwroot.
        return environment.WebRootPath is { Length: > 0 } webRoot ? webRoot : Path.Combine(environment.ContentRootPath, "wwwroot");
    }

    /// <summary>The folder holding HelpPortal.sln, above the content root or the binaries; null when published.</summary>
    public static string? RepositoryRoot(string contentRoot)
    {
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HelpPortal.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}
