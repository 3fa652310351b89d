using System.Text;

namespace HelpPortal.Mail.Tests.Tester;

/// <summary>The password stays secret, and only the configured servers are ever contacted.</summary>
public sealed class SecurityTests
{
    private static readonly string[] Secrets =
    [
        TesterHarness.Password,
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{TesterHarness.Address}\0{TesterHarness.Password}")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(TesterHarness.Password)),
    ];

    [Fact]
    public async Task ThePasswordAppearsInNoLogResultOrStepOfFailingAndWorkingTests()
    {
        var logger = new RecordingLogger();
        var seen = new List<string>();
        var sent = new List<string>();
        foreach (var (imap, smtp, send) in new[]
        {
            ("imap-delivery.txt", "smtp-send-ok.txt", true),
            ("imap-auth-failed.txt", "smtp-ok.txt", false),
            ("imap-ok.txt", "smtp-auth-failed.txt", false),
            ("imap-ok.txt", "smtp-rate-limit.txt", true),
            // A conversation that goes off script: the replay's complaint quotes the client's SASL line.
            ("imap-ok.txt", "smtp-off-script.txt", false),
        })
        {
            var harness = new TesterHarness(logger);
            harness.Connector.Serve(993, imap).Serve(465, smtp);
            var result = await harness.RunAsync(send: send);
            seen.Add(result.ToString());
            seen.Add(result.Detail ?? "");
            seen.AddRange(harness.Reported.Select(s => $"{s} {s.Detail} {s.ServerReply}"));
            sent.AddRange(harness.Connector.Streams.SelectMany(stream => stream.ClientLines));
        }

        // The secret really went over the wire, so its absence everywhere else means something.
        Assert.Contains(sent, line => line.EndsWith(Secrets[1], StringComparison.Ordinal));
        Assert.Contains(seen, text => text.Contains("AUTH PLAIN ***", StringComparison.Ordinal));
        seen.Add(new MailTestRequest(TesterHarness.Address, TesterHarness.Password, true, "192.0.2.1").ToString());
        Assert.Contains(logger.Entries, e => e.Contains("Mail test finished: ok", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Contains("auth-failed", StringComparison.Ordinal));
        foreach (var text in logger.Entries.Concat(seen))
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task TheAddressIsNotLoggedEither()
    {
        var logger = new RecordingLogger();
        var harness = new TesterHarness(logger);
        harness.Connector.Serve(993, "imap-auth-failed.txt");

        await harness.RunAsync();

        Assert.NotEmpty(logger.Entries);
        Assert.DoesNotContain(logger.Entries, e => e.Contains(TesterHarness.Address, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("evil.example.com", 993)]
    [InlineData("127.0.0.1", 993)]
    [InlineData("imap.websupport.se", 25)]
    [InlineData("imap.websupport.se", 8080)]
    public async Task AServerThatIsNotOursIsRefusedWithoutAnyConnection(string host, int port)
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(port, "imap-ok.txt");

        var result = await harness.RunAsync(incoming: new MailServer(host, port, MailSecurity.SslOnConnect));

        Assert.Equal(Diagnosis.InvalidInput, result.Diagnosis);
        Assert.Contains("not one of our incoming mail servers", result.Detail);
        Assert.Empty(harness.Connector.Resolved);
        Assert.Empty(harness.Connector.Streams);
        Assert.Empty(harness.Reported);
    }

    [Fact]
    public async Task AnOutgoingServerThatIsNotOursIsRefusedToo()
    {
        var harness = new TesterHarness();

        var result = await harness.RunAsync(outgoing: new MailServer("smtp.gmail.com", 587, MailSecurity.StartTls));

        Assert.Equal(Diagnosis.InvalidInput, result.Diagnosis);
        Assert.Empty(harness.Connector.Resolved);
    }

    [Fact]
    public async Task AConfiguredAliasAndAStandardPortMayBeTested()
    {
        var model = MailServiceModel.FromOptions(MailServiceDefaults.Create()) with { Aliases = ["mail.websupport.se"] };
        var harness = new TesterHarness(model: model);
        harness.Connector.Serve(993, "imap-ok.txt").Serve(587, "smtp-silent.txt");

        var result = await harness.RunAsync(
            incoming: new MailServer("MAIL.websupport.se.", 993, MailSecurity.SslOnConnect),
            outgoing: model.Outgoing with { Port = 587, Security = MailSecurity.StartTls });

        Assert.Equal(["MAIL.websupport.se.", "smtp.websupport.se"], harness.Connector.Resolved);
        Assert.Equal("smtp-greeting", result.FailedStepId);
    }

    [Theory]
    [InlineData("", TesterHarness.Password)]
    [InlineData("anna", TesterHarness.Password)]
    [InlineData("anna@", TesterHarness.Password)]
    [InlineData("@example.test", TesterHarness.Password)]
    [InlineData("anna @example.test", TesterHarness.Password)]
    [InlineData("Anna <anna@example.test>", TesterHarness.Password)]
    [InlineData("anna@exa mple.test", TesterHarness.Password)]
    [InlineData(TesterHarness.Address, "")]
    [InlineData(TesterHarness.Address, "line\r\nbreak")]
    [InlineData(TesterHarness.Address, "nul\0byte")]
    public async Task UnusableInputIsRefusedBeforeAnyConnection(string address, string password)
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-ok.txt");

        var result = await harness.RunAsync(address: address, password: password);

        Assert.Equal(Diagnosis.InvalidInput, result.Diagnosis);
        Assert.Empty(harness.Connector.Resolved);
        Assert.Empty(harness.Reported);
    }
}
