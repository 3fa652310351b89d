using System.Globalization;
using System.Text;
using System.Xml;
using HelpPortal.Articles;

namespace HelpPortal.Web.Reader;

/// <summary>The sitemap (every published article, with hreflang alternates) and robots.txt.</summary>
internal static class Sitemap
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    public static string Write(ContentCatalog catalog, string origin)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(new StringWriter(builder), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNs);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);
            var articles = ContentCatalog.Languages.SelectMany(catalog.Published).OrderBy(a => a.Lang).ThenBy(a => a.Slug, StringComparer.Ordinal);
            foreach (var article in articles)
            {
                xml.WriteStartElement("url", SitemapNs);
                xml.WriteElementString("loc", SitemapNs, origin + ReaderUrls.Article(article.Lang, article.Slug));
                xml.WriteElementString("lastmod", SitemapNs, article.Updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                var alternates = Alternates(catalog, article).ToList();
                if (alternates.Count > 1)
                {
                    foreach (var alternate in alternates)
                    {
                        xml.WriteStartElement("xhtml", "link", XhtmlNs);
                        xml.WriteAttributeString("rel", "alternate");
                        xml.WriteAttributeString("hreflang", alternate.Lang);
                        xml.WriteAttributeString("href", origin + ReaderUrls.Article(alternate.Lang, alternate.Slug));
                        xml.WriteEndElement();
                    }
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        // StringWriter reports UTF-16; the response is UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>The article itself and every published translation of it.</summary>
    public static IEnumerable<Article> Alternates(ContentCatalog catalog, Article article)
    {
        yield return article;
        foreach (var (lang, slug) in article.Translations.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (lang != article.Lang && catalog.Find(lang, slug) is { Draft: false } translation)
            {
                yield return translation;
            }
        }
    }

    public static string Robots(string origin) =>
        $"User-agent: *\nDisallow: /admin/\nDisallow: /account/\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n";
}
