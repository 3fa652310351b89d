using Bunit;
using HelpPortal.Mail;
using HelpPortal.Web.Reader;
using static HelpPortal.Web.Tests.Reader.ReaderFixture;

namespace HelpPortal.Web.Tests.Reader;

public sealed class SendingLimitsWidgetTests
{
    private static IRenderedComponent<SendingLimitsWidget> RenderWidget(string lang, MailServiceModel? mail = null) =>
        Context(lang, mail: mail).Render<SendingLimitsWidget>(p => p.Add(x => x.Lang, lang));

    [Fact]
    public void TheEnglishWidgetExplainsTheLimitsInASentence()
    {
        var widget = RenderWidget("en");

        Assert.Equal(
            "Each mailbox can send up to 300 messages an hour, and all mailboxes of one domain together up to 2,000. "
            + "Go over either limit and sending stops for 60 minutes; after that it works again by itself.",
            widget.Find(".limits-explained").TextContent);
        Assert.Equal(["Per mailbox", "Per domain, all mailboxes together", "Blocked after going over"], widget.FindAll("dt").Select(d => d.TextContent));
    }

    [Fact]
    public void TheSwedishWidgetExplainsTheLimitsInSwedish()
    {
        var widget = RenderWidget("sv");

        var sentence = widget.Find(".limits-explained").TextContent;
        Assert.StartsWith("Varje e-postkonto kan skicka upp till 300 meddelanden i timmen", sentence);
        // Swedish groups thousands with a (non-breaking) space.
        Assert.Contains($"upp till 2{'\u00a0'}000", sentence);
        Assert.Contains("stoppas utskicken i 60 minuter", sentence);
        Assert.Equal("Per e-postkonto", widget.Find("dt").TextContent);
    }

    [Fact]
    public void ChangingTheModelChangesEveryNumber()
    {
        var widget = RenderWidget("en", ReaderFixture.Mail with { Limits = new SendingLimits(150, 1200, 45) });

        Assert.Equal(["150", "1,200", "45"], widget.FindAll("[data-limit]").Select(s => s.TextContent));
        Assert.Contains("up to 150 messages", widget.Find(".limits-explained").TextContent);
        Assert.Contains("stops for 45 minutes", widget.Find(".limits-explained").TextContent);
    }
}
