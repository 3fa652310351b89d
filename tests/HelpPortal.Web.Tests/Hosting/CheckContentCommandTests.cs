using System.Diagnostics;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Reader;
using HelpPortal.Web.Tests.Reader;
using Microsoft.AspNetCore.Builder;

namespace HelpPortal.Web.Tests.Hosting;

public sealed class CheckContentCommandTests : IDisposable
{
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task CleanContentPrintsOnlyTheSummaryAndExitsWithZero()
    {
        _content.CleanPair();

        var (exit, lines) = await RunAsync(_content.Path);

        Assert.Equal(0, exit);
        var summary = Assert.Single(lines);
        Assert.StartsWith("check-content: 2 articles, 0 errors, 0 warnings", summary);
    }

    [Fact]
    public async Task AnErrorIsPrintedAsPathLineMessageAndExitsWithOne()
    {
        _content.CleanPair(enBody: "Line nine.\n\n::: weather\n:::");

        var (exit, lines) = await RunAsync(_content.Path);

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("articles/en/hello.md:11: unknown widget or callout 'weather'", StringComparison.Ordinal));
        Assert.StartsWith("check-content: 2 articles, 1 error, 0 warnings", lines[^1]);
    }

    [Fact]
    public async Task WarningsAreMarkedAndDoNotFailTheCheck()
    {
        _content.Article("en", "lonely", "Alone.", translation: null);

        var (exit, lines) = await RunAsync(_content.Path);

        Assert.Equal(0, exit);
        Assert.Contains("articles/en/lonely.md:1: warning: no 'sv' translation", lines);
        Assert.StartsWith("check-content: 1 article, 0 errors, 1 warning", lines[^1]);
    }

    [Fact]
    public async Task WithoutAFolderTheConfiguredContentPathIsChecked()
    {
        _content.CleanPair(enBody: "Uses {{mail.unknown}}.");

        var (exit, lines) = await RunAsync(dir: null);

        Assert.Equal(1, exit);
        Assert.Contains("articles/en/hello.md:9: unknown placeholder '{{mail.unknown}}'", lines);
    }

    [Fact]
    public async Task AMissingFolderIsAnError()
    {
        var (exit, lines) = await RunAsync(Path.Combine(_content.Path, "nowhere"));

        Assert.Equal(1, exit);
        Assert.Contains("does not exist", Assert.Single(lines));
    }

    [Fact]
    public async Task TheConfiguredMailHostIsCheckedAgainstTheText()
    {
        _content.CleanPair(enBody: "Connect to imap.staging.test with your mail program.");

        var (exit, lines) = await RunAsync(_content.Path, ("MailService:Incoming:Host", "imap.staging.test"));

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("articles/en/hello.md:9: the configured host 'imap.staging.test' is written out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCommandLineGivesTheExitCodesWithoutStartingTheServer()
    {
        _content.CleanPair();
        var (clean, cleanOutput) = await RunProcessAsync(_content.Path);
        _content.Article("en", "broken", "{{nope}}", translation: null);
        var (broken, brokenOutput) = await RunProcessAsync(_content.Path);

        Assert.True(clean == 0, cleanOutput);
        Assert.True(broken == 1, brokenOutput);
        Assert.Contains("articles/en/broken.md:8: unknown placeholder '{{nope}}'", brokenOutput);
        Assert.DoesNotContain("Now listening", cleanOutput + brokenOutput);
    }

    /// <summary>Runs the command in process against an app composed the way Program.cs composes it.</summary>
    private async Task<(int Exit, string[] Lines)> RunAsync(string? dir, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = Path.Combine(RepositoryPaths.Root, "src", "HelpPortal.Web"),
        });
        builder.Configuration["Content:Path"] = _content.Path;
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        builder.AddArticles();
        builder.AddMailService();
        await using var app = builder.Build();
        using var output = new StringWriter();

        var exit = await CheckContentCommand.RunAsync(app, dir is null ? [] : [dir], output);

        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static async Task<(int Exit, string Output)> RunProcessAsync(string dir)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "HelpPortal.Web.dll"), "check-content", dir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
