using System.Diagnostics;

namespace HelpPortal.Articles.Tests;

/// <summary>check-content is part of an editor's loop, so it has to answer at once on the shipped content.</summary>
public sealed class CheckSpeedTests
{
    [Fact]
    public void LoadingAndCheckingTheShippedContentTakesWellUnderTwoSeconds()
    {
        var options = new ContentLoadOptions(ShippedContent(), ContentFolder.Placeholders, ContentFolder.Widgets) { Servers = ContentFolder.Servers };
        ContentLoader.Load(options); // the first run pays for JIT compilation, which the command pays once too

        var clock = Stopwatch.StartNew();
        var catalog = ContentLoader.Load(options);
        clock.Stop();

        Assert.True(catalog.AllArticles.Count() >= 10, "the shipped content was not found");
        // "Well under two seconds": half of it, still generous enough for a busy build machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.ElapsedMilliseconds} ms");
    }

    private static string ShippedContent()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelpPortal.sln")))
            {
                return Path.Combine(dir.FullName, "content");
            }
        }
        throw new InvalidOperationException("HelpPortal.sln not found above the test binaries.");
    }
}
