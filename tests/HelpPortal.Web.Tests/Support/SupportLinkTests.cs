using HelpPortal.Web.Support;

namespace HelpPortal.Web.Tests.Support;

public sealed class SupportLinkTests
{
    private static readonly EscalationValues All = new("troubleshooting-email", "en", "no", "not-solved", "auth-failed");

    [Fact]
    public void AnAddressWithoutPlaceholdersGetsTheFieldsAsQueryParameters()
    {
        Assert.Equal(
            "https://example.com/support?article=troubleshooting-email&lang=en&vote=no&reason=not-solved&diagnosis=auth-failed",
            SupportLink.Fill("https://example.com/support", All));
        Assert.Equal("https://example.com/support?team=mail&article=troubleshooting-email&lang=en",
            SupportLink.Fill("https://example.com/support?team=mail", All with { Vote = null, Reason = null, Diagnosis = null }));
        Assert.Equal("https://example.com/support", SupportLink.Fill("https://example.com/support", EscalationValues.None));
    }

    [Fact]
    public void ATemplateGetsEscapedValuesAndLeavesOutPairsWithNothingToSay()
    {
        const string template = "https://help.example.net/new/{lang}?subject=Help+with+{article}&code={diagnosis}&v={vote}+{reason}&fixed=1";

        Assert.Equal("https://help.example.net/new/en?subject=Help+with+troubleshooting-email&code=auth-failed&fixed=1",
            SupportLink.Fill(template, All with { Vote = null, Reason = null }));
        Assert.Equal("https://help.example.net/new/en?subject=Help+with+a%26b%3Dc&v=no+&fixed=1",
            SupportLink.Fill(template, new EscalationValues("a&b=c", "en", "no", null, null)));
    }

    [Fact]
    public void AMailToCarriesSubjectAndBodyEscaped()
    {
        Assert.Equal("mailto:support@example.com?subject=Help%20with%20%C3%A5%26%3F&body=line%201%0D%0Aline%202",
            SupportLink.MailTo("support@example.com", "Help with å&?", "line 1\nline 2"));
    }

    [Theory]
    [InlineData("https://x.example/{article}", "", true)]
    [InlineData("https://x.example/?q={password}", "", false)]
    [InlineData("ftp://x.example/", "", false)]
    [InlineData("/support", "", false)]
    [InlineData("", "support@example.com", true)]
    [InlineData("", "support@example.com?cc=evil@example.net", false)]
    [InlineData("", "not an address", false)]
    public void TheSettingsAreCheckedAtStartAndTheMessageNamesTheKey(string url, string email, bool valid)
    {
        var result = new SupportOptionsValidator().Validate(null, new SupportOptions { Url = url, Email = email });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains(url.Length > 0 ? "Support:Url" : "Support:Email", result.FailureMessage);
        }
    }
}
