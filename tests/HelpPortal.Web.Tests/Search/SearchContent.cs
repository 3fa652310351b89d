using HelpPortal.Articles;
using HelpPortal.Web.Tests.Feedback;

namespace HelpPortal.Web.Tests.Search;

/// <summary>A small catalog with searchable text, so these tests do not depend on the shipped articles.</summary>
internal static class SearchContent
{
    public static ContentCatalog Catalog() => TestContent.Catalog(
        TestContent.Article("en", "smtp-settings", "Outgoing server (SMTP)", categories: "email") with
        {
            PlainText = "Set the smtp server smtp.example.net and port 465. <b>bold</b> text.",
            Tags = ["smtp"],
        },
        TestContent.Article("en", "imap-settings", "Incoming server (IMAP)") with { PlainText = "Set the imap server imap.example.net." },
        TestContent.Article("sv", "byt-losenord", "Byt lösenord") with { PlainText = "Så byter du lösenord i webbmejlen." },
        TestContent.Article("en", "secret-draft", "Secret smtp redesign") with { PlainText = "smtp plans", Draft = true });
}
