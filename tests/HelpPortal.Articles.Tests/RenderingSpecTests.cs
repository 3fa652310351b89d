using System.Text;

namespace HelpPortal.Articles.Tests;

/// <summary>Runs the examples of <c>Specs/*.md</c>: Markdown in, the reader's HTML out.</summary>
public sealed class RenderingSpecTests
{
    private const string Fence = "````````````````````````````````";

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in ReadExamples())
        {
            data.Add(example.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheExampleRendersAsWritten(string name)
    {
        var example = ReadExamples().Single(e => e.Name == name);
        var errors = new List<ContentError>();

        var parsed = ArticleParser.Parse("articles/en/spec.md", "en", "spec", WithFrontMatter(example.Markdown), Options, errors);

        Assert.DoesNotContain(errors, e => e.Severity == ContentSeverity.Error);
        Assert.Equal(Normalize(example.Html), Normalize(Show(parsed.Body)));
    }

    private static ContentLoadOptions Options => new("unused", ContentFolder.Placeholders, ContentFolder.Widgets) { Servers = ContentFolder.Servers };

    private static string WithFrontMatter(string body) =>
        $"---\ntitle: Spec\nsummary: Spec\ncategories: [email]\nupdated: 2024-01-01\n---\n{body}";

    private static string Show(IEnumerable<ArticleSegment> body)
    {
        var text = new StringBuilder();
        foreach (var segment in body)
        {
            text.Append(segment switch
            {
                HtmlSegment html => html.Html,
                WidgetSegment widget => $"\n[[widget {widget.Name}]]\n",
                _ => throw new InvalidOperationException(),
            });
        }
        return text.ToString();
    }

    private static string Normalize(string html) =>
        string.Join('\n', html.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private sealed record Example(string Name, string Markdown, string Html);

    private static IEnumerable<Example> ReadExamples()
    {
        var specs = Path.Combine(AppContext.BaseDirectory, "Specs");
        foreach (var file in Directory.EnumerateFiles(specs, "*.md").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n');
            var section = "";
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("## ", StringComparison.Ordinal))
                {
                    section = lines[i][3..].Trim();
                }
                else if (lines[i] == Fence + " example")
                {
                    var markdown = new List<string>();
                    var html = new List<string>();
                    var target = markdown;
                    for (i++; i < lines.Length && lines[i] != Fence; i++)
                    {
                        if (lines[i] == "." && target == markdown)
                        {
                            target = html;
                            continue;
                        }
                        target.Add(lines[i]);
                    }
                    yield return new Example($"{Path.GetFileNameWithoutExtension(file)}: {section}", string.Join('\n', markdown), string.Join('\n', html));
                }
            }
        }
    }
}
