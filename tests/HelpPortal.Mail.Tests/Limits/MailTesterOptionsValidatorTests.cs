using HelpPortal.Mail.Limits;

namespace HelpPortal.Mail.Tests.Limits;

public sealed class MailTesterOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreTheContractsValues()
    {
        var options = new MailTesterOptions();

        Assert.Equal((5, 5, 20), (options.TestsPerClient, options.FailedSignInsPerMailbox, options.MaxConcurrentTests));
        Assert.True(new MailTesterOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void AZeroLimitFailsWithAMessageNamingTheKey()
    {
        var result = new MailTesterOptionsValidator().Validate(null, new MailTesterOptions { MaxConcurrentTests = 0, TestsPerClient = -1 });

        Assert.True(result.Failed);
        Assert.Contains("MailTester:MaxConcurrentTests", result.FailureMessage);
        Assert.Contains("MailTester:TestsPerClient", result.FailureMessage);
    }

    [Fact]
    public void APortalWideBudgetBelowTheMailboxLimitFailsWithAMessageNamingBothKeys()
    {
        var result = new MailTesterOptionsValidator().Validate(null, new MailTesterOptions { FailedSignInsPerMailbox = 5, FailedSignInsPerHour = 4 });

        Assert.True(result.Failed);
        Assert.Contains("MailTester:FailedSignInsPerHour must be at least MailTester:FailedSignInsPerMailbox", result.FailureMessage);
    }

    [Fact]
    public void ThePortalWideBudgetHasASensibleDefault()
    {
        var options = new MailTesterOptions();

        Assert.InRange(options.FailedSignInsPerHour, options.FailedSignInsPerMailbox * 10, 1000);
    }
}
