namespace HelpPortal.Mail.Tests.Integration;

/// <summary>The real Dovecot's quota plugin, with a mailbox at 9 of 10 messages and one at 4 of 4.</summary>
[Collection(MailServersCollection.Name)]
public sealed class QuotaTests(MailServers servers)
{
    [Fact]
    public async Task AFullMailboxIsMailboxFull()
    {
        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model()), servers.FullAddress, servers.QuotaPassword);

        run.AssertEndsWith(Diagnosis.MailboxFull, "imap-inbox");
        Assert.Contains("100%", run.Result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANearlyFullMailboxPassesWithAWarningThatNamesThePercentage()
    {
        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model()), servers.NearlyFullAddress, servers.QuotaPassword);

        run.AssertEndsWith(Diagnosis.Ok, null);
        Assert.Equal(StepStatus.Warning, run.Step("imap-inbox").Status);
        Assert.Contains("90% of the mailbox quota is used", run.Step("imap-inbox").Detail, StringComparison.Ordinal);
        Assert.Equal(90, run.Step("imap-inbox").QuotaUsedPercent);
    }

    [Fact]
    public async Task AMailboxFarFromItsQuotaIsOk()
    {
        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model()), servers.GoodAddress, servers.GoodPassword);

        run.AssertEndsWith(Diagnosis.Ok, null);
        Assert.Equal(StepStatus.Ok, run.Step("imap-inbox").Status);
        Assert.Contains("of the mailbox quota is used", run.Step("imap-inbox").Detail, StringComparison.Ordinal);
    }
}
