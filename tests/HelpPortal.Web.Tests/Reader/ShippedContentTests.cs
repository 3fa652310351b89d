using System.Globalization;
using System.Text.RegularExpressions;
using HelpPortal.Mail;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Reader;
using Microsoft.AspNetCore.Builder;

namespace HelpPortal.Web.Tests.Reader;

/// <summary>The content the repository ships is always clean, and never spells out what the mail model owns.</summary>
public sealed class ShippedContentTests
{
    [Fact]
    public async Task CheckContentFindsNoErrorsAndNoWarningsInTheShippedContent()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = Path.Combine(RepositoryPaths.Root, "src", "HelpPortal.Web"),
        });
        builder.Configuration["Content:Path"] = RepositoryPaths.Content;
        builder.AddArticles();
        builder.AddMailService();
        await using var app = builder.Build();
        using var output = new StringWriter();

        var exit = await CheckContentCommand.RunAsync(app, [], output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exit == 0, output.ToString());
        Assert.Matches(@"^check-content: \d+ articles, 0 errors, 0 warnings", Assert.Single(lines));
    }

    [Fact]
    public void NoArticleSpellsOutAConfiguredHostPortOrLimit()
    {
        var model = MailServiceModel.FromOptions(MailServiceDefaults.Create());
        var hosts = new[] { model.Incoming.Host, model.Outgoing.Host };
        var numbers = new[]
        {
            model.Limits.MailboxPerHour, model.Limits.DomainPerHour, model.Limits.BlockMinutes,
            model.Incoming.Port, model.Outgoing.Port,
        }.Select(n => n.ToString(CultureInfo.InvariantCulture)).Distinct().ToArray();
        // A number of the model anywhere in an article (outside a placeholder) is a copy that will go stale.
        var number = new Regex($@"(?<![\w.{{]){string.Join("|", numbers.Select(Regex.Escape))}(?![\w}}])");
        var articles = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Content, "articles"), "*.md", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(articles);

        var findings = new List<string>();
        foreach (var file in articles)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.StartsWith("updated:", StringComparison.Ordinal))
                {
                    continue;
                }
                findings.AddRange(hosts
                    .Where(h => line.Contains(h, StringComparison.OrdinalIgnoreCase))
                    .Select(h => $"{Path.GetRelativePath(RepositoryPaths.Content, file)}:{i + 1}: host {h}"));
                findings.AddRange(number.Matches(line)
                    .Select(m => $"{Path.GetRelativePath(RepositoryPaths.Content, file)}:{i + 1}: number {m.Value}"));
            }
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }
}
