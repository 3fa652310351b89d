using System.Net;
using Bunit;
using HelpPortal.Articles;
using HelpPortal.Mail;
using HelpPortal.Mail.Limits;
using HelpPortal.Web.Tester;
using HelpPortal.Web.Tests.Reader;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Tests.Tester;

public sealed class MailTesterWidgetTests : BunitContext
{
    private readonly FakeMailTester _engine = new();
    private readonly MailServiceModel _model = new("Websupport",
        new MailServer("imap.websupport.se", 993, MailSecurity.SslOnConnect),
        new MailServer("smtp.websupport.se", 465, MailSecurity.SslOnConnect),
        new SendingLimits(300, 2000, 60))
    {
        Aliases = ["mail.websupport.se"],
    };

    public MailTesterWidgetTests()
    {
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddSingleton(_model);
        // The article the mailbox-full verdict links to, in both languages, as the editors link them.
        Services.AddSingleton<IContentCatalogSource>(new TestCatalogSource(ReaderFixture.Catalog(
            ReaderFixture.Article("en", "full-mailbox", translations: new Dictionary<string, string> { ["sv"] = "full-brevlada" }),
            ReaderFixture.Article("sv", "full-brevlada", translations: new Dictionary<string, string> { ["en"] = "full-mailbox" }))));
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.7");
        http.Connection.RemotePort = 50123;
        Services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor { HttpContext = http });
    }

    private IRenderedComponent<MailTesterWidget> RenderWidget(string lang = "en", IMailTester? tester = null)
    {
        Services.AddSingleton(tester ?? _engine);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<MailTesterWidget>(p => p.Add(w => w.Lang, lang).Add(w => w.ArticleSlug, "troubleshooting-email"));
    }

    private static void Fill(IRenderedComponent<MailTesterWidget> cut, string email, string password, bool sendTest = false)
    {
        cut.Find("input[type=email]").Input(email);
        cut.Find("input[type=password]").Input(password);
        if (sendTest)
        {
            cut.Find("input[type=checkbox]").Change(true);
        }
        cut.Find("form").Submit();
    }

    [Fact]
    public void TheFormCarriesTheContractsLabelsAndAutocompleteHints()
    {
        var cut = RenderWidget();

        Assert.NotNull(cut.Find("[data-widget=mail-tester]"));
        Assert.Equal("Email address", LabelOf(cut, "input[type=email]"));
        Assert.Equal("Password", LabelOf(cut, "input[type=password]"));
        Assert.Equal("Also send a test message to myself", LabelOf(cut, "input[type=checkbox]"));
        Assert.Equal("Test my settings", cut.Find("button[type=submit]").TextContent.Trim());
        Assert.Equal("email", cut.Find("input[type=email]").GetAttribute("autocomplete"));
        Assert.Equal("current-password", cut.Find("input[type=password]").GetAttribute("autocomplete"));
    }

    [Fact]
    public void StepsAppearWhileTheyRunAndEndInTheVerdict()
    {
        _engine.AddStep("imap-resolve", "IMAP", StepStatus.Ok);
        var tls = _engine.AddStep("imap-tls", "IMAP", StepStatus.Ok, detail: "TLS 1.3, CN=imap.websupport.se", gated: true)!;
        _engine.AddStep("imap-login", "IMAP", StepStatus.Ok);
        var cut = RenderWidget();

        Fill(cut, "anna@example.com", "s3cret-pass");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("running", cut.Find("[data-step=imap-tls]").GetAttribute("data-status"));
            Assert.Equal("ok", cut.Find("[data-step=imap-resolve]").GetAttribute("data-status"));
            Assert.Contains("Set up encryption (TLS)", cut.Find("[data-step=imap-tls]").TextContent);
            Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));
            Assert.Empty(cut.FindAll("[data-verdict]"));
        });

        tls.SetResult();

        cut.WaitForAssertion(() =>
        {
            var step = cut.Find("[data-step=imap-tls]");
            Assert.Equal("ok", step.GetAttribute("data-status"));
            Assert.Contains("TLS 1.3, CN=imap.websupport.se", step.TextContent);
            Assert.Contains("0.12 s", step.TextContent);
            Assert.Equal("ok", cut.Find("[data-step=imap-login]").GetAttribute("data-status"));
            var verdict = cut.Find("[data-verdict]");
            Assert.Equal("ok", verdict.GetAttribute("data-verdict"));
            Assert.Equal("ok", verdict.GetAttribute("data-diagnosis"));
        });
        Assert.False(cut.Find("button[type=submit]").HasAttribute("disabled"));
        var request = Assert.Single(_engine.Requests);
        Assert.Equal(("anna@example.com", "s3cret-pass", "198.51.100.7"), (request.EmailAddress, request.Password, request.ClientAddress));
    }

    [Theory]
    [InlineData("en", Diagnosis.AuthFailed, "not accepted", "control panel", "#test-your-settings")]
    [InlineData("sv", Diagnosis.AuthFailed, "godtogs inte", "kontrollpanelen", "#test-your-settings")]
    [InlineData("en", Diagnosis.Timeout, "did not answer in time", "VPN", "#abroad")]
    [InlineData("sv", Diagnosis.Timeout, "svarade inte i tid", "VPN", "#abroad")]
    [InlineData("en", Diagnosis.AccountSuspended, "contact us", "unpaid invoice", "#unpaid-invoice")]
    [InlineData("sv", Diagnosis.AccountSuspended, "kontakta oss", "obetald faktura", "#unpaid-invoice")]
    [InlineData("en", Diagnosis.SendingLimit, "300 messages per mailbox", "up to 60 minutes", "#sending-limits")]
    [InlineData("sv", Diagnosis.SendingLimit, "300 meddelanden per e-postlåda", "upp till 60 minuter", "#sending-limits")]
    [InlineData("en", Diagnosis.TlsModeMismatch, "STARTTLS are mixed up", "SSL/TLS on port 993", "#server-settings")]
    [InlineData("sv", Diagnosis.HostNotFound, "DNS", "imap.websupport.se", "#server-settings")]
    public void TheVerdictExplainsTheDiagnosisAndLinksToItsSection(string lang, string diagnosis, string explanation, string fix, string anchor)
    {
        _engine.AddStep("imap-login", "IMAP", StepStatus.Failed);
        _engine.Diagnosis = diagnosis;
        var cut = RenderWidget(lang);

        Fill(cut, "anna@example.com", "wrong");

        cut.WaitForAssertion(() => Assert.Equal(diagnosis, cut.Find("[data-verdict]").GetAttribute("data-diagnosis")));
        var verdict = cut.Find("[data-verdict]");
        Assert.Equal("failed", verdict.GetAttribute("data-verdict"));
        Assert.Contains(explanation, verdict.QuerySelector("[data-explanation]")!.TextContent);
        Assert.Contains(fix, verdict.QuerySelector("[data-fix]")!.TextContent);
        Assert.Equal($"/{lang}/articles/troubleshooting-email{anchor}", verdict.QuerySelector("[data-fix] a")!.GetAttribute("href"));
    }

    [Fact]
    public void EveryDiagnosisHasItsOwnExplanationAndFixInBothLanguages()
    {
        foreach (var lang in new[] { "en", "sv" })
        {
            var texts = new HashSet<string>();
            foreach (var code in Diagnosis.All)
            {
                var engine = new FakeMailTester { Diagnosis = code };
                using var context = new MailTesterWidgetTests();
                var cut = context.RenderWidget(lang, engine);
                Fill(cut, "anna@example.com", "pw");
                cut.WaitForAssertion(() => Assert.Equal(code, cut.Find("[data-verdict]").GetAttribute("data-diagnosis")));
                var explanation = cut.Find("[data-explanation]").TextContent;
                Assert.DoesNotContain("Explain_", explanation);
                Assert.DoesNotContain("Fix_", cut.Find("[data-fix]").TextContent);
                Assert.True(texts.Add(explanation), $"{lang}/{code} repeats another diagnosis's explanation");
            }
        }
    }

    [Theory]
    [InlineData("", "pw", "email", "Type your email address.")]
    [InlineData("anna.example.com", "pw", "email", "This is not an email address.")]
    [InlineData("anna@example.com", "", "password", "Type the password of this mailbox.")]
    public void UnusableInputIsNamedWithoutContactingAnyServer(string email, string password, string field, string message)
    {
        var cut = RenderWidget();

        Fill(cut, email, password);

        var error = cut.Find($"[data-error={field}]");
        Assert.Contains(message, error.TextContent);
        var input = cut.Find(field == "email" ? "input[type=email]" : "input[type=password]");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains(error.Id!, input.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal("invalid-input", cut.Find("[data-verdict]").GetAttribute("data-diagnosis"));
        Assert.Empty(_engine.Requests);
    }

    [Fact]
    public void ValidationMessagesAreInSwedishOnASwedishPage()
    {
        var cut = RenderWidget("sv");

        Fill(cut, "", "");

        Assert.Contains("Skriv din e-postadress.", cut.Find("[data-error=email]").TextContent);
        Assert.Contains("Skriv lösenordet", cut.Find("[data-error=password]").TextContent);
        Assert.Equal("E-postadress", LabelOf(cut, "input[type=email]"));
    }

    [Fact]
    public void ThePasswordFieldIsEmptyAfterTheTest()
    {
        _engine.AddStep("imap-login", "IMAP", StepStatus.Failed);
        _engine.Diagnosis = Diagnosis.AuthFailed;
        var cut = RenderWidget();

        Fill(cut, "anna@example.com", "hunter2-secret");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-verdict]")));
        Assert.Equal("", cut.Find("input[type=password]").GetAttribute("value") ?? "");
        Assert.DoesNotContain("hunter2-secret", cut.Markup);
        Assert.Equal("anna@example.com", cut.Find("input[type=email]").GetAttribute("value"));
    }

    [Fact]
    public void TheServersReplyIsShownButNeverThePassword()
    {
        _engine.Diagnosis = Diagnosis.AuthFailed;
        _engine.ServerReply = "NO [AUTHENTICATIONFAILED] bad credentials for hunter2-secret";
        var cut = RenderWidget();

        Fill(cut, "anna@example.com", "hunter2-secret");

        cut.WaitForAssertion(() => Assert.Contains("AUTHENTICATIONFAILED", cut.Find("[data-server-reply]").TextContent));
        Assert.DoesNotContain("hunter2-secret", cut.Markup);
    }

    [Fact]
    public void TheCheckboxAsksForATestMessage()
    {
        var cut = RenderWidget();

        Fill(cut, "anna@example.com", "pw", sendTest: true);

        cut.WaitForAssertion(() => Assert.True(Assert.Single(_engine.Requests).SendTestMessage));
    }

    [Fact]
    public void TheAdvancedPartNamesEveryDifferenceAndTestsWhatWasTyped()
    {
        var cut = RenderWidget();
        cut.Find("fieldset[data-direction=incoming] input[inputmode=numeric]").Input("143");
        cut.Find("fieldset[data-direction=incoming] select").Change(nameof(MailSecurity.StartTls));
        cut.Find("fieldset[data-direction=outgoing] input[type=text]:not([inputmode])").Input("mail.websupport.se");

        Fill(cut, "anna@example.com", "pw");

        cut.WaitForAssertion(() => Assert.Single(_engine.Requests));
        var differences = cut.FindAll("[data-difference]").Select(d => d.TextContent).ToList();
        Assert.Equal(3, differences.Count);
        Assert.Contains(differences, d => d.Contains("Incoming mail (IMAP): your program uses port 143, but it should be 993."));
        Assert.Contains(differences, d => d.Contains("Incoming mail (IMAP): your program uses STARTTLS, but it should be SSL/TLS."));
        Assert.Contains(differences, d => d.Contains("mail.websupport.se is another name for our server"));
        var request = _engine.Requests[0];
        Assert.Equal(new MailServer("imap.websupport.se", 143, MailSecurity.StartTls), request.Incoming);
        Assert.Equal(new MailServer("mail.websupport.se", 465, MailSecurity.SslOnConnect), request.Outgoing);
    }

    [Fact]
    public void TheAdvancedComparisonSpeaksSwedishOnASwedishPage()
    {
        var cut = RenderWidget("sv");
        cut.Find("fieldset[data-direction=outgoing] input[inputmode=numeric]").Input("587");

        Fill(cut, "anna@example.com", "pw");

        cut.WaitForAssertion(() => Assert.Contains(
            "Utgående e-post (SMTP): ditt program använder port 587, men det ska vara 465.",
            cut.Find("[data-difference]").TextContent));
    }

    [Theory]
    [InlineData("imap.evil.example", "993", "is not one of our mail servers")]
    [InlineData("imap.websupport.se", "22", "does not try port 22")]
    [InlineData("imap.websupport.se", "465", "only tries ports 993, 143")]
    [InlineData("", "99x", "is not a port number")]
    public void AnUnknownHostOrPortIsRefusedWithoutAConnection(string host, string port, string reason)
    {
        var cut = RenderWidget();
        cut.Find("fieldset[data-direction=incoming] input[type=text]:not([inputmode])").Input(host);
        cut.Find("fieldset[data-direction=incoming] input[inputmode=numeric]").Input(port);

        Fill(cut, "anna@example.com", "pw");

        var refusal = cut.Find("[data-refusal]");
        Assert.Contains(reason, refusal.TextContent);
        Assert.Contains("Nothing was sent to any server", refusal.TextContent);
        Assert.Empty(_engine.Requests);
        Assert.Empty(cut.FindAll("[data-step]"));
        Assert.Equal("", cut.Find("input[type=password]").GetAttribute("value") ?? "");
    }

    [Theory]
    [InlineData("en", "/en/articles/full-mailbox", "Delete or archive")]
    [InlineData("sv", "/sv/articles/full-brevlada", "Radera eller arkivera")]
    public void AFullMailboxIsExplainedWithItsFixAndTheArticleAboutFullMailboxes(string lang, string article, string fix)
    {
        var cut = RenderWidget(lang, new FakeMailTester { Diagnosis = Diagnosis.MailboxFull });
        Fill(cut, "anna@example.com", "pw");

        cut.WaitForAssertion(() => Assert.Equal("mailbox-full", cut.Find("[data-verdict]").GetAttribute("data-diagnosis")));
        Assert.Contains(fix, cut.Find("[data-fix]").TextContent, StringComparison.Ordinal);
        Assert.Equal(article, cut.Find("[data-fix] a").GetAttribute("href"));
    }

    [Theory]
    [InlineData("en", "Your mailbox is 93% full")]
    [InlineData("sv", "Din brevlåda är 93 % full")]
    public void ANearlyFullMailboxIsAWarningStepThatSaysHowFullInTheReadersLanguage(string lang, string words)
    {
        var engine = new FakeMailTester();
        engine.AddStep("imap-inbox", "IMAP", StepStatus.Warning, "INBOX opened read-only: 9 messages; 93% of the mailbox quota is used",
            quotaUsedPercent: 93);
        var cut = RenderWidget(lang, engine);
        Fill(cut, "anna@example.com", "pw");

        cut.WaitForAssertion(() => Assert.Equal("ok", cut.Find("[data-verdict]").GetAttribute("data-diagnosis")));
        var step = cut.Find("[data-step=imap-inbox]");
        Assert.Equal("warning", step.GetAttribute("data-status"));
        Assert.Contains(words, step.QuerySelector("[data-quota]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTestCarriesTheVisitorsOwnAddressAndPortForTheMailServers()
    {
        var cut = RenderWidget();
        Fill(cut, "anna@example.com", "pw");

        cut.WaitForAssertion(() => Assert.Single(_engine.Requests));
        var request = _engine.Requests[0];
        Assert.Equal(("198.51.100.7", 50123), (request.ClientIp, request.ClientPort));
        Assert.Equal("198.51.100.7", request.ClientAddress);
    }

    [Fact]
    public void OverThePortalsLimitTheVerdictIsRateLimitedAndNoServerIsAsked()
    {
        var limits = new MailTesterLimits(Options.Create(new MailTesterOptions { TestsPerClient = 1 }), new MemoryLimitCounter(TimeProvider.System));
        var limited = new LimitedMailTester(_engine, limits, NullLogger<LimitedMailTester>.Instance, NoStatistics);
        var cut = RenderWidget(tester: limited);
        Fill(cut, "anna@example.com", "pw");
        cut.WaitForAssertion(() => Assert.Equal("ok", cut.Find("[data-verdict]").GetAttribute("data-diagnosis")));

        Fill(cut, "anna@example.com", "pw");

        cut.WaitForAssertion(() => Assert.Equal("rate-limited", cut.Find("[data-verdict]").GetAttribute("data-diagnosis")));
        Assert.Contains("Wait ten minutes", cut.Find("[data-fix]").TextContent);
        Assert.Single(_engine.Requests);
    }

    [Fact]
    public void AFailedSignInLimitSaysTheMailboxIsProtected()
    {
        _engine.Diagnosis = Diagnosis.RateLimited;
        _engine.FailedStepId = RateLimitReason.FailedSignIns;
        var cut = RenderWidget("sv");

        Fill(cut, "anna@example.com", "pw");

        cut.WaitForAssertion(() => Assert.Contains("felaktiga lösenord", cut.Find("[data-fix]").TextContent));
    }

    [Fact]
    public async Task LeavingThePageCancelsARunningTest()
    {
        _engine.AddStep("imap-connect", "IMAP", StepStatus.Ok, gated: true);
        var cut = RenderWidget();
        Fill(cut, "anna@example.com", "pw");
        cut.WaitForAssertion(() => Assert.Equal("running", cut.Find("[data-step=imap-connect]").GetAttribute("data-status")));

        await DisposeComponentsAsync();

        WaitUntil(() => _engine.WasCancelled);
    }

    [Fact]
    public void TheNoteSaysWhatATestFromOurSideCanAndCannotSee()
    {
        var cut = RenderWidget();

        var note = cut.Find("[data-note=perspective]").TextContent;

        Assert.Contains("cannot see your own network", note);
        Assert.Contains("works here but your mail program still fails", note);
    }

    [Fact]
    public void BeforeTheCircuitIsUpTheButtonWaitsAndNothingCanBeSent()
    {
        Services.AddSingleton<IMailTester>(_engine);
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<MailTesterWidget>(p => p.Add(w => w.Lang, "en"));

        Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));
        Assert.Equal("", cut.Find("input[type=password]").GetAttribute("value") ?? "");
    }

    [Fact]
    public void AnEngineErrorSaysTheTestCouldNotFinishAndFreesTheForm()
    {
        var cut = RenderWidget(tester: new ThrowingTester());

        Fill(cut, "anna@example.com", "pw");

        cut.WaitForAssertion(() => Assert.Contains("could not finish", cut.Find("[role=alert]").TextContent));
        Assert.Empty(cut.FindAll("[data-verdict]"));
        Assert.False(cut.Find("button[type=submit]").HasAttribute("disabled"));
    }

    private sealed class ThrowingTester : IMailTester
    {
        public async Task<MailTestResult> RunAsync(MailTestRequest request, Action<MailTestStep> onStep, CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("engine broke");
        }
    }

    [Fact]
    public void AStepThatNeverEndedIsNotLeftRunningUnderTheVerdict()
    {
        var cut = RenderWidget(tester: new HalfReportingTester());

        Fill(cut, "anna@example.com", "pw");

        cut.WaitForAssertion(() => Assert.Equal("timeout", cut.Find("[data-verdict]").GetAttribute("data-diagnosis")));
        Assert.Equal("skipped", cut.Find("[data-step=smtp-connect]").GetAttribute("data-status"));
    }

    private sealed class HalfReportingTester : IMailTester
    {
        public async Task<MailTestResult> RunAsync(MailTestRequest request, Action<MailTestStep> onStep, CancellationToken cancellationToken)
        {
            await Task.Run(() => onStep(new MailTestStep("smtp-connect", "SMTP", StepStatus.Running, TimeSpan.Zero)), cancellationToken);
            return new MailTestResult(Diagnosis.Timeout, []);
        }
    }

    private static string LabelOf(IRenderedComponent<MailTesterWidget> cut, string selector)
    {
        var id = cut.Find(selector).Id;
        return cut.Find($"label[for='{id}']").TextContent.Trim();
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            Thread.Sleep(10);
        }
    }

    /// <summary>These tests look at the verdict, not at the statistics.</summary>
    private static Task NoStatistics(string diagnosis, CancellationToken cancellationToken) => Task.CompletedTask;
}
