using HelpPortal.Mail.Tester;

namespace HelpPortal.Mail.Tests.Tester;

public sealed class TimeoutTests
{
    [Fact]
    public void TheSignInStepWaitsLongerThanDovecotsLargestPenalty()
    {
        // Dovecot holds back a sign-in from an address with recent failures for up to 15 s before it answers.
        var timeouts = new MailTesterTimeouts();

        Assert.True(timeouts.SignInTimeout > TimeSpan.FromSeconds(15), $"{timeouts.SignInTimeout}");
        Assert.True(timeouts.SignInTimeout > timeouts.StepTimeout);
    }
}
