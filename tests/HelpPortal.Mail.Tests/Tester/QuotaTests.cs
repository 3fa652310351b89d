namespace HelpPortal.Mail.Tests.Tester;

/// <summary>A full mailbox is named from the server's own quota figures (GETQUOTAROOT INBOX).</summary>
public sealed class QuotaTests
{
    [Theory]
    [InlineData("STORAGE 1000 1000")]
    [InlineData("MESSAGE 4 4")]
    [InlineData("STORAGE 10 1000 MESSAGE 5 4")]
    public async Task AMailboxAtOrOverItsQuotaIsMailboxFull(string quota)
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-quota.txt", ("quota", quota)).Serve(465, "smtp-ok.txt");

        var result = await harness.RunAsync();

        Assert.True(result.Diagnosis == Diagnosis.MailboxFull, $"{result.Diagnosis}: {result.Detail}");
        Assert.Equal("imap-inbox", result.FailedStepId);
        Assert.Contains("new mail is refused", result.Detail);
        Assert.Equal(StepStatus.Failed, result.Steps.Single(s => s.Id == "imap-inbox").Status);
    }

    [Theory]
    [InlineData("STORAGE 900 1000", "90%")]
    [InlineData("STORAGE 999 1000", "99%")]
    [InlineData("STORAGE 10 1000 MESSAGE 95 100", "95%")]
    public async Task FromNinetyPercentTheInboxStepIsAWarningWithThePercentage(string quota, string percent)
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-quota.txt", ("quota", quota)).Serve(465, "smtp-ok.txt");

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.Ok, result.Diagnosis);
        var inbox = result.Steps.Single(s => s.Id == "imap-inbox");
        Assert.Equal(StepStatus.Warning, inbox.Status);
        Assert.Contains($"{percent} of the mailbox quota is used", inbox.Detail);
        Assert.Equal(int.Parse(percent.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture), inbox.QuotaUsedPercent);
    }

    [Theory]
    [InlineData("STORAGE 899 1000")]
    public async Task BelowNinetyPercentOrWithoutLimitsTheInboxStepIsOk(string quota)
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-quota.txt", ("quota", quota)).Serve(465, "smtp-ok.txt");

        var result = await harness.RunAsync();

        Assert.True(result.Diagnosis == Diagnosis.Ok, $"{result.Diagnosis}: {result.Detail} {string.Join(" | ", harness.Connector.Streams[0].ClientLines)}");
        Assert.Equal(StepStatus.Ok, result.Steps.Single(s => s.Id == "imap-inbox").Status);
        Assert.True(harness.Connector.Streams[0].Finished, "GETQUOTAROOT was asked");
    }

    [Fact]
    public async Task AMailboxWithoutLimitsIsOkAndTheDeliveryCheckOpensANewSessionAfterMailKitDroppedTheFirst()
    {
        var harness = new TesterHarness();
        harness.Connector.ServeInTurn(993, "imap-quota-unlimited.txt", "imap-delivery.txt").Serve(465, "smtp-send-ok.txt");

        var result = await harness.RunAsync(send: true);

        Assert.True(result.Diagnosis == Diagnosis.Ok, $"{result.Diagnosis} at {result.FailedStepId}: {result.Detail}");
        Assert.Equal(StepStatus.Ok, result.Steps.Single(s => s.Id == "imap-inbox").Status);
        Assert.NotNull(result.DeliveryTime);
        Assert.Equal(3, harness.Connector.Streams.Count);
    }

    [Fact]
    public async Task AServerWithoutQuotaIsNotAsked()
    {
        var harness = new TesterHarness();
        // imap-ok.txt does not advertise QUOTA and has no room for GETQUOTAROOT.
        harness.Connector.Serve(993, "imap-ok.txt").Serve(465, "smtp-ok.txt");

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.Ok, result.Diagnosis);
        Assert.DoesNotContain("quota", result.Steps.Single(s => s.Id == "imap-inbox").Detail);
    }
}
