using HelpPortal.Mail.Tester;

namespace HelpPortal.Mail.Tests.Tester;

/// <summary>Server replies seen in the wild (Dovecot, Postfix, Exim, hosted providers) and what they mean.</summary>
public sealed class ReplyClassifierTests
{
    [Theory]
    [InlineData("A00000001 NO [AUTHENTICATIONFAILED] Authentication failed.", Diagnosis.AuthFailed)]
    [InlineData("A00000001 NO [CONTACTADMIN] Account suspended", Diagnosis.AccountSuspended)]
    [InlineData("A00000001 NO [UNAVAILABLE] Temporary authentication failure.", Diagnosis.ServerUnavailable)]
    [InlineData("* BYE Too many invalid IMAP commands.", Diagnosis.ServerUnavailable)]
    [InlineData("A00000001 BAD Error in IMAP command", Diagnosis.ServerUnavailable)]
    public void ImapReplies(string reply, string diagnosis) => Assert.Equal(diagnosis, ReplyClassifier.Imap(reply));

    [Theory]
    [InlineData("535 5.7.8 Error: authentication failed: authentication failure", Diagnosis.AuthFailed)]
    [InlineData("535 5.7.8 Error: authentication failed: account disabled", Diagnosis.AccountSuspended)]
    [InlineData("535 5.7.1 Account locked, contact support", Diagnosis.AccountSuspended)]
    [InlineData("454 4.7.0 Temporary authentication failure", Diagnosis.ServerUnavailable)]
    [InlineData("421 4.7.0 Too many errors", Diagnosis.ServerUnavailable)]
    public void SmtpSignInReplies(string reply, string diagnosis) => Assert.Equal(diagnosis, ReplyClassifier.SmtpAuth(reply));

    [Theory]
    [InlineData("450 4.7.1 Error: too much mail from 192.0.2.1", Diagnosis.SendingLimit)]
    [InlineData("451 4.7.1 Sending rate limit exceeded, try again later", Diagnosis.SendingLimit)]
    [InlineData("550 5.7.1 Daily sending limit exceeded", Diagnosis.SendingLimit)]
    [InlineData("554 5.7.1 <anna@example.test>: Sender address rejected: account disabled", Diagnosis.AccountSuspended)]
    [InlineData("421 4.4.2 Timeout exceeded", Diagnosis.ServerUnavailable)]
    [InlineData("454 4.7.1 <anna@example.test>: Relay access denied", Diagnosis.ServerUnavailable)]
    public void SmtpSendReplies(string reply, string diagnosis) => Assert.Equal(diagnosis, ReplyClassifier.SmtpSend(reply));

    [Fact]
    public void TheImapTagIsNotShownToCustomers() =>
        Assert.Equal("NO [CONTACTADMIN] Closed", ReplyClassifier.WithoutTag("B00000003 NO [CONTACTADMIN] Closed"));
}
