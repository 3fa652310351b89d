using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HelpPortal.Web.Tests.Search;

/// <summary>A search page parsed as a browser would, so tests read text rather than markup details.</summary>
internal sealed class SearchHtml(IDocument document)
{
    public IDocument Document { get; } = document;

    public static SearchHtml Parse(string html) => new(new HtmlParser().ParseDocument(html));

    public static async Task<SearchHtml> LoadAsync(HttpClient client, string url) => Parse(await client.GetStringAsync(url));

    public string? Text(string selector) =>
        Document.QuerySelector(selector)?.TextContent is { } text ? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : null;

    public string[] Slugs() => Document.QuerySelectorAll(".search-result").Select(r => r.GetAttribute("data-slug") ?? "").ToArray();
}
