using HelpPortal.Mail.Profiles;

namespace HelpPortal.Mail.Tests.Profiles;

public sealed class AppleMobileConfigTests
{
    [Fact]
    public void TheProfileMatchesTheGoldenFile()
    {
        Assert.Equal(ProfileFixture.Golden("profile.mobileconfig"), AppleMobileConfig.Generate(ProfileFixture.Model, "anna@customer.test"));
    }

    [Fact]
    public void TheProfileHoldsOneMailPayloadWithTheServersAndTheAddress()
    {
        var profile = Profile("anna@customer.test");

        Assert.Equal("Configuration", profile["PayloadType"]);
        Assert.Equal(1, profile["PayloadVersion"]);
        var account = Assert.IsType<Dictionary<string, object>>(Assert.Single(Assert.IsType<List<object>>(profile["PayloadContent"])));

        Assert.Equal("com.apple.mail.managed", account["PayloadType"]);
        Assert.Equal("EmailTypeIMAP", account["EmailAccountType"]);
        Assert.Equal("anna@customer.test", account["EmailAddress"]);
        Assert.Equal("imap.example.test", account["IncomingMailServerHostName"]);
        Assert.Equal(993, account["IncomingMailServerPortNumber"]);
        Assert.Equal(true, account["IncomingMailServerUseSSL"]);
        Assert.Equal("anna@customer.test", account["IncomingMailServerUsername"]);
        Assert.Equal("EmailAuthPassword", account["IncomingMailServerAuthentication"]);
        Assert.Equal("smtp.example.test", account["OutgoingMailServerHostName"]);
        Assert.Equal(465, account["OutgoingMailServerPortNumber"]);
        Assert.Equal(true, account["OutgoingMailServerUseSSL"]);
        Assert.Equal("anna@customer.test", account["OutgoingMailServerUsername"]);
        Assert.Equal("EmailAuthPassword", account["OutgoingMailServerAuthentication"]);
        Assert.Equal(true, account["OutgoingPasswordSameAsIncomingPassword"]);
    }

    [Fact]
    public void TheProfileNeverCarriesAPassword()
    {
        var account = (Dictionary<string, object>)((List<object>)Profile("anna@customer.test")["PayloadContent"])[0];

        Assert.DoesNotContain(account.Keys, key => key.Contains("Password", StringComparison.Ordinal) && key != "OutgoingPasswordSameAsIncomingPassword");
    }

    [Fact]
    public void TheSameAddressAlwaysGetsTheSameIdentifiersSoReinstallingReplacesTheProfile()
    {
        var first = Profile("anna@customer.test");
        var again = Profile("Anna@Customer.test");

        Assert.Equal(first["PayloadIdentifier"], again["PayloadIdentifier"]);
        Assert.Equal(first["PayloadUUID"], again["PayloadUUID"]);
        Assert.Equal(Account(first)["PayloadUUID"], Account(again)["PayloadUUID"]);
    }

    [Fact]
    public void AnotherAddressGetsOtherIdentifiers()
    {
        var anna = Profile("anna@customer.test");
        var bo = Profile("bo@customer.test");

        Assert.NotEqual(anna["PayloadIdentifier"], bo["PayloadIdentifier"]);
        Assert.NotEqual(anna["PayloadUUID"], bo["PayloadUUID"]);
        Assert.NotEqual(anna["PayloadUUID"], Account(anna)["PayloadUUID"]);
    }

    [Fact]
    public void PayloadUuidsAreVersionFiveUuids()
    {
        var uuid = (string)Profile("anna@customer.test")["PayloadUUID"];

        Assert.Matches("^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$", uuid);
        Assert.True(Guid.TryParse(uuid, out _));
    }

    [Fact]
    public void IdentifiersAreReverseDnsUnderTheIncomingServer()
    {
        var profile = Profile("anna@customer.test");

        Assert.StartsWith("test.example.imap.profile.", (string)profile["PayloadIdentifier"]);
        Assert.StartsWith("test.example.imap.account.", (string)Account(profile)["PayloadIdentifier"]);
    }

    [Fact]
    public void TheFileNameIsSafe()
    {
        Assert.Equal("example-mail-email.mobileconfig", AppleMobileConfig.FileName(ProfileFixture.Model));
        Assert.Equal("mail-email.mobileconfig", AppleMobileConfig.FileName(ProfileFixture.Model with { ProviderName = "../" }));
    }

    private static Dictionary<string, object> Profile(string address) =>
        (Dictionary<string, object>)ProfileFixture.ParsePlist(AppleMobileConfig.Generate(ProfileFixture.Model, address));

    private static Dictionary<string, object> Account(Dictionary<string, object> profile) =>
        (Dictionary<string, object>)((List<object>)profile["PayloadContent"])[0];
}
