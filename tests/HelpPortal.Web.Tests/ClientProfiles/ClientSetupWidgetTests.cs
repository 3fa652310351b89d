using System.Globalization;
using Bunit;
using HelpPortal.Mail;
using HelpPortal.Web.ClientProfiles;
using HelpPortal.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.ClientProfiles;

public sealed class ClientSetupWidgetTests
{
    private static readonly MailServiceModel Model = new(
        "Example Mail",
        new MailServer("imap.example.test", 993, MailSecurity.SslOnConnect),
        new MailServer("smtp.example.test", 587, MailSecurity.StartTls),
        new SendingLimits(300, 2000, 60));

    [Fact]
    public void TheAppleFormAsksForTheAddressAndDownloadsTheProfile()
    {
        using var context = Context("en");
        var widget = context.Render<ClientSetupWidget>(p => p.Add(x => x.Lang, "en").Add(x => x.ArticleSlug, "set-up-iphone-ipad"));

        var form = widget.Find("[data-widget=client-setup] form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/mail/profile.mobileconfig", form.GetAttribute("action"));
        var input = form.QuerySelector("input[name=email]")!;
        Assert.Equal("email", input.GetAttribute("type"));
        var label = form.QuerySelector($"label[for='{input.Id}']")!;
        Assert.Equal("Email address", label.TextContent);
        Assert.Equal("Download profile", form.QuerySelector("button[type=submit]")!.TextContent);
    }

    [Fact]
    public void TheDnsRecordsPointAtTheConfiguredPublicHost()
    {
        using var context = Context("en");
        context.Services.AddSingleton(TestOrigins.Configured("https://help.example.net"));
        var widget = context.Render<ClientSetupWidget>(p => p.Add(x => x.Lang, "en"));

        var records = widget.Find("[data-dns-records]").TextContent;
        Assert.Matches(@"(?m)^autoconfig\s+IN\s+CNAME\s+help\.example\.net\.$", records);
        Assert.Matches(@"(?m)^autodiscover\s+IN\s+CNAME\s+help\.example\.net\.$", records);
    }

    [Fact]
    public void TheDnsRecordsComeFromTheModelAndPointAtThePortal()
    {
        using var context = Context("en");
        var widget = context.Render<ClientSetupWidget>(p => p.Add(x => x.Lang, "en"));

        var records = widget.Find("[data-dns-records]").TextContent;
        Assert.Matches(@"(?m)^autoconfig\s+IN\s+CNAME\s+localhost\.$", records);
        Assert.Matches(@"(?m)^autodiscover\s+IN\s+CNAME\s+localhost\.$", records);
        Assert.Matches(@"(?m)^_imaps\._tcp\s+IN\s+SRV\s+0 1 993 imap\.example\.test\.$", records);
        // The outgoing server speaks STARTTLS, so its record is the plain submission service.
        Assert.Matches(@"(?m)^_submission\._tcp\s+IN\s+SRV\s+0 1 587 smtp\.example\.test\.$", records);
        Assert.DoesNotContain("_submissions._tcp", records);
    }

    [Fact]
    public void EnglishReadersSeeEveryClientInEnglish()
    {
        using var context = Context("en");
        var widget = context.Render<ClientSetupWidget>(p => p.Add(x => x.Lang, "en"));

        Assert.Equal("Set up automatically", widget.Find("h3").TextContent);
        Assert.Equal(["iPhone, iPad and Mac", "Thunderbird and other mail programs", "Outlook", "DNS records for your domain"],
            widget.FindAll("h4").Select(h => h.TextContent));
        Assert.Contains("as long as your domain points at Example Mail", widget.Find("[data-client=thunderbird] p").TextContent);
        Assert.Contains("once your domain points at Example Mail", widget.Find("[data-client=outlook] p").TextContent);
    }

    [Fact]
    public void SwedishReadersSeeEveryClientInSwedish()
    {
        using var context = Context("sv");
        var widget = context.Render<ClientSetupWidget>(p => p.Add(x => x.Lang, "sv"));

        Assert.Equal("Ställ in automatiskt", widget.Find("h3").TextContent);
        Assert.Equal(["iPhone, iPad och Mac", "Thunderbird och andra e-postprogram", "Outlook", "DNS-poster för din domän"],
            widget.FindAll("h4").Select(h => h.TextContent));
        Assert.Equal("E-postadress", widget.Find("label").TextContent);
        Assert.Equal("Hämta profil", widget.Find("button[type=submit]").TextContent);
        Assert.Contains("så länge din domän pekar på Example Mail", widget.Find("[data-client=thunderbird] p").TextContent);
    }

    [Fact]
    public void TheRecordsAreAKeyboardReachableLabelledBlock()
    {
        using var context = Context("en");
        var widget = context.Render<ClientSetupWidget>(p => p.Add(x => x.Lang, "en"));

        var pre = widget.Find("pre");
        Assert.Equal("0", pre.GetAttribute("tabindex"));
        Assert.Equal("DNS records for your domain", widget.Find($"#{pre.GetAttribute("aria-labelledby")}").TextContent);
    }

    private static BunitContext Context(string lang)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(lang == "sv" ? "sv-SE" : "en-GB");
        var context = new BunitContext();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        context.Services.AddSingleton(Model);
        context.Services.AddSingleton(TestOrigins.Unconfigured());
        return context;
    }
}
