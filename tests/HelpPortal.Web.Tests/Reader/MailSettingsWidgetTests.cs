using Bunit;
using HelpPortal.Mail;
using HelpPortal.Web.Reader;
using static HelpPortal.Web.Tests.Reader.ReaderFixture;

namespace HelpPortal.Web.Tests.Reader;

public sealed class MailSettingsWidgetTests
{
    private static IRenderedComponent<MailSettingsWidget> RenderWidget(string lang, MailServiceModel? mail = null) =>
        Context(lang, mail: mail).Render<MailSettingsWidget>(p => p.Add(x => x.Lang, lang).Add(x => x.ArticleSlug, "settings"));

    private static Dictionary<string, string[]> Rows(IRenderedComponent<MailSettingsWidget> widget) =>
        widget.FindAll("tbody tr").ToDictionary(
            row => row.QuerySelector("th")!.TextContent,
            row => row.QuerySelectorAll("td").Select(td => td.QuerySelector("[data-value]")?.TextContent ?? td.TextContent).ToArray());

    [Fact]
    public void TheEnglishTableShowsEveryValueFromTheModel()
    {
        var widget = RenderWidget("en");

        var rows = Rows(widget);
        Assert.Equal(["imap.example.test", "smtp.example.test"], rows["Server"]);
        Assert.Equal(["993", "587"], rows["Port"]);
        Assert.Equal(["SSL/TLS", "STARTTLS"], rows["Security"]);
        Assert.Equal(["your full email address", "your full email address"], rows["Username"]);
        Assert.Equal(["the one you chose in the control panel"], rows["Password"]);
        Assert.Equal(["Incoming (IMAP)", "Outgoing (SMTP)"], widget.FindAll("thead th").Select(th => th.TextContent));
        Assert.Contains("Example Mail", widget.Find("caption").TextContent);
    }

    [Fact]
    public void TheSwedishTableSaysTheSameInSwedish()
    {
        var widget = RenderWidget("sv");

        var rows = Rows(widget);
        Assert.Equal(["imap.example.test", "smtp.example.test"], rows["Server"]);
        Assert.Equal(["993", "587"], rows["Port"]);
        Assert.Equal(["SSL/TLS", "STARTTLS"], rows["Säkerhet"]);
        Assert.Equal(["din fullständiga e-postadress", "din fullständiga e-postadress"], rows["Användarnamn"]);
        Assert.Equal(["det du valde i kontrollpanelen"], rows["Lösenord"]);
        Assert.Equal(["Inkommande (IMAP)", "Utgående (SMTP)"], widget.FindAll("thead th").Select(th => th.TextContent));
        Assert.Equal("Kopierat", widget.Find("[data-widget='mail-settings']").GetAttribute("data-copied-text"));
    }

    [Fact]
    public void ChangingTheModelChangesTheTable()
    {
        var other = ReaderFixture.Mail with
        {
            Incoming = new MailServer("mail.other.test", 143, MailSecurity.StartTls),
            Outgoing = new MailServer("out.other.test", 2525, MailSecurity.SslOnConnect),
        };
        var rows = Rows(RenderWidget("en", other));

        Assert.Equal(["mail.other.test", "out.other.test"], rows["Server"]);
        Assert.Equal(["143", "2525"], rows["Port"]);
        Assert.Equal(["STARTTLS", "SSL/TLS"], rows["Security"]);
    }

    [Fact]
    public void EveryCopyableValueHasANamedCopyButtonThatWaitsForTheScript()
    {
        var widget = RenderWidget("en");

        var buttons = widget.FindAll("button[data-copy]");
        Assert.Equal(8, buttons.Count);
        Assert.All(buttons, b => Assert.True(b.HasAttribute("hidden")));
        Assert.All(buttons, b => Assert.Equal("button", b.GetAttribute("type")));
        Assert.Contains("Copy incoming server", buttons.Select(b => b.GetAttribute("aria-label")));
        Assert.Equal("polite", widget.Find("[data-copy-status]").GetAttribute("aria-live"));
    }

    [Fact]
    public void TheAddressFieldIsLabelledAndAppearsOnlyWithTheScript()
    {
        var widget = RenderWidget("en");

        var input = widget.Find("input[data-mail-settings-address]");
        var label = widget.Find($"label[for='{input.Id}']");
        Assert.Equal("Your address, to fill in the username", label.TextContent);
        Assert.Equal("email", input.GetAttribute("type"));
        Assert.True(widget.Find("[data-js-only]").HasAttribute("hidden"));
    }
}
