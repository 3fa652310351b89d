using Bunit;
using HelpPortal.Feedback;
using HelpPortal.Mail.DomainCheck;
using HelpPortal.Mail.Profiles;
using HelpPortal.Web.DomainCheck;
using HelpPortal.Web.Tests.Reader;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.DomainCheck;

public sealed class DomainCheckWidgetTests
{
    private static readonly DomainName Domain = new("xn--rksmrgs-5wao1o.se", "räksmörgås.se");

    private static readonly DomainCheckResult SpfWithoutUs = new(Domain,
    [
        new("mx", "ok", FindingStatus.Ok) { Facts = ["mx1.example.test"] },
        new("spf", "spf-without-us", FindingStatus.Failed)
        {
            Facts = ["v=spf1 include:old.example -all"],
            RecordsToPublish = [new DnsRecord("@", "TXT", "\"v=spf1 include:old.example include:spf.example.test -all\"")],
        },
        new("dkim", "ok", FindingStatus.Ok) { Facts = ["hp", "rsa", "2048"] },
        new("dmarc", "dmarc-missing", FindingStatus.Warning) { RecordsToPublish = [new DnsRecord("_dmarc", "TXT", "\"v=DMARC1; p=none\"")] },
        new("autoconfig", "ok", FindingStatus.Info) { ClientSetup = ClientSetupState.Missing },
    ]);

    [Fact]
    public void InAnArticleTheWidgetIsAPlainGetFormToTheCheckPage()
    {
        using var context = ReaderFixture.Context("en");
        var widget = context.Render<DomainCheckWidget>(p => p.Add(x => x.Lang, "en").Add(x => x.ArticleSlug, "troubleshooting-email"));

        var form = widget.Find("[data-widget=domain-check] form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/en/domain-check", form.GetAttribute("action"));
        var input = form.QuerySelector("input[name=domain]")!;
        Assert.Equal("Domain or email address", widget.Find($"label[for='{input.Id}']").TextContent);
        Assert.Equal("Check my domain", form.QuerySelector("button[type=submit]")!.TextContent);
        Assert.Equal("h3", widget.Find("#" + widget.Find("section").GetAttribute("aria-labelledby")).TagName.ToLowerInvariant());
        Assert.Empty(widget.FindAll("[data-verdict]"));
    }

    [Fact]
    public void AResultShowsTheVerdictAndOneFindingPerCheck()
    {
        using var context = ReaderFixture.Context("en");
        var widget = context.Render<DomainCheckWidget>(p => p.Add(x => x.Lang, "en").Add(x => x.Result, SpfWithoutUs).Add(x => x.Standalone, true));

        var verdict = widget.Find("[data-verdict]");
        Assert.Equal("failed", verdict.GetAttribute("data-verdict"));
        Assert.Equal("spf-without-us", verdict.GetAttribute("data-diagnosis"));
        Assert.Equal("räksmörgås.se: mail is not set up correctly.", verdict.TextContent.Trim());
        Assert.Equal(["mx:ok:ok", "spf:spf-without-us:failed", "dkim:ok:ok", "dmarc:dmarc-missing:warning", "autoconfig:ok:info"],
            widget.FindAll("[data-finding]").Select(f => $"{f.GetAttribute("data-check")}:{f.GetAttribute("data-code")}:{f.GetAttribute("data-status")}"));
    }

    [Fact]
    public void AProblemHasPlainWordsTheFixTheRecordToCopyAndTheArticle()
    {
        var catalog = ReaderFixture.Catalog(ReaderFixture.Article("en", "spf-record"));
        using var context = ReaderFixture.Context("en", catalog);
        var widget = context.Render<DomainCheckWidget>(p => p.Add(x => x.Lang, "en").Add(x => x.Result, SpfWithoutUs));

        var spf = widget.Find("[data-finding][data-check=spf]");
        Assert.Contains("does not include the servers of Example Mail", spf.QuerySelector(".finding-words")!.TextContent);
        Assert.Contains("Replace your SPF record with this one:", spf.QuerySelector(".finding-fix")!.TextContent);
        Assert.Equal("@  IN  TXT  \"v=spf1 include:old.example include:spf.example.test -all\"", spf.QuerySelector("[data-record]")!.TextContent);
        var copy = spf.QuerySelector("button[data-copy]")!;
        Assert.True(copy.HasAttribute("hidden"), "the copy button appears only with JavaScript");
        Assert.Equal("Copy the record", copy.GetAttribute("aria-label"));
        Assert.Equal("/en/articles/spf-record", spf.QuerySelector(".finding-article a")!.GetAttribute("href"));
        // An article that is not published is not linked.
        Assert.Null(widget.Find("[data-finding][data-check=dmarc]").QuerySelector(".finding-article"));
    }

    [Fact]
    public void SwedishReadersGetEverythingInSwedish()
    {
        using var context = ReaderFixture.Context("sv");
        var widget = context.Render<DomainCheckWidget>(p => p.Add(x => x.Lang, "sv").Add(x => x.Result, SpfWithoutUs));

        Assert.Equal("Domän eller e-postadress", widget.Find("label").TextContent);
        Assert.Equal("Kontrollera min domän", widget.Find("button[type=submit]").TextContent);
        Assert.Equal("/sv/domain-check", widget.Find("form").GetAttribute("action"));
        Assert.Equal("räksmörgås.se: e-posten är inte rätt inställd.", widget.Find("[data-verdict]").TextContent.Trim());
        Assert.Contains("Din domän saknar DMARC-post", widget.Find("[data-finding][data-check=dmarc]").TextContent);
        Assert.Contains("Inte publicerad", widget.Find("[data-finding][data-check=autoconfig]").TextContent);
    }

    [Fact]
    public void RefusedInputSaysWhyInTheReadersLanguage()
    {
        var refused = Refuse("a..b");
        using var context = ReaderFixture.Context("sv");
        var widget = context.Render<DomainCheckWidget>(p => p.Add(x => x.Lang, "sv").Add(x => x.Result, refused));

        Assert.Equal("invalid-input", widget.Find("[data-verdict]").GetAttribute("data-diagnosis"));
        Assert.Equal("Det är ingen domän vi kan kontrollera: den har en tom del: två punkter i rad eller en punkt i början.",
            widget.Find("[data-finding] .finding-words").TextContent);
    }

    [Fact]
    public void TheDashboardPartCountsFindingsByDayAndCode()
    {
        using var context = ReaderFixture.Context("en");
        context.Services.AddSingleton<IDomainCheckLog>(new FixedLog(
            [new(new DateOnly(2026, 3, 1), "mx-elsewhere", 3), new(new DateOnly(2026, 3, 2), "ok", 7)]));

        var part = context.Render<DomainCheckCounts>(p => p.Add(x => x.From, new DateOnly(2026, 3, 1)).Add(x => x.To, new DateOnly(2026, 3, 2)));

        Assert.Equal("Domain checks", part.Find("h2").TextContent);
        Assert.Equal(["ok:7", "mx-elsewhere:3"], part.FindAll("tbody tr").Select(r => $"{r.GetAttribute("data-code")}:{r.QuerySelector(".num")!.TextContent}"));
    }

    /// <summary>The refusal the checker gives for input, without any DNS.</summary>
    private static DomainCheckResult Refuse(string input)
    {
        var parsed = DomainInput.Parse(input);
        return DomainCheckResult.Refused(DomainCheckCodes.InvalidInput, parsed.Problem.ToString(), parsed.Error!);
    }

    private sealed class FixedLog(IReadOnlyList<FindingCount> counts) : IDomainCheckLog
    {
        public Task RecordAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<FindingCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<FindingCount>>([.. counts.Where(c => c.Day >= from && c.Day <= to)]);
    }
}
