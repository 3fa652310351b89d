using System.Diagnostics;
using HelpPortal.Articles;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// <c>check-content [DIR]</c>: loads a content folder exactly as the portal would and prints every problem as
/// <c>path:line: message</c>, then a summary. Exit code 1 on any error. Starts no server and opens no database.
/// </summary>
internal static class CheckContentCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output)
    {
        if (args.Length > 1 || args is [['-', ..]])
        {
            await output.WriteLineAsync("usage: check-content [DIR]   (DIR defaults to the configured Content:Path)");
            return 1;
        }
        var options = app.Services.GetRequiredService<ContentLoadOptions>();
        var dir = args.Length == 1 ? Path.GetFullPath(args[0]) : options.ContentPath;
        if (!Directory.Exists(dir))
        {
            await output.WriteLineAsync($"check-content: the folder '{dir}' does not exist");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var catalog = ContentLoader.Load(options with { ContentPath = dir });
        clock.Stop();
        foreach (var problem in catalog.Errors)
        {
            await output.WriteLineAsync(problem.ToString());
        }

        var files = Directory.Exists(Path.Combine(dir, "articles"))
            ? Directory.EnumerateFiles(Path.Combine(dir, "articles"), "*.md", SearchOption.AllDirectories).Count()
            : 0;
        var errors = catalog.Errors.Count(e => e.Severity == ContentSeverity.Error);
        var warnings = catalog.Errors.Count - errors;
        await output.WriteLineAsync(
            $"check-content: {files} {Plural(files, "article")}, {errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")} ({clock.ElapsedMilliseconds} ms)");
        return errors > 0 ? 1 : 0;
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
