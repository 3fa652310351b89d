using HelpPortal.Mail.Profiles;

namespace HelpPortal.Mail.Tests.Profiles;

public sealed class EmailAddressCheckTests
{
    [Theory]
    [InlineData("anna@customer.test")]
    [InlineData("anna.lind+mail@sub.customer.test")]
    [InlineData("  anna@customer.test  ")]
    [InlineData("o'brien@customer.test")]
    public void PlainAddressesAreAccepted(string input)
    {
        var result = EmailAddressCheck.Check(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(input.Trim(), result.Address);
    }

    [Theory]
    [InlineData(null, "No email address")]
    [InlineData("", "No email address")]
    [InlineData("anna", "name@example.com")]
    [InlineData("@customer.test", "name@example.com")]
    [InlineData("anna@", "name@example.com")]
    [InlineData("anna@@customer.test", "name@example.com")]
    [InlineData("anna@customer", "domain")]
    [InlineData("anna@customer..test", "domain")]
    [InlineData("anna@-customer.test", "domain")]
    [InlineData("Anna <anna@customer.test>", "characters")]
    [InlineData("anna@customer.test, bo@customer.test", "characters")]
    [InlineData("anna @customer.test", "characters")]
    [InlineData("anna@customer.test\r\nBcc: x@evil.test", "characters")]
    [InlineData("anna..lind@customer.test", "not valid")]
    public void MalformedAddressesAreRefusedWithAReason(string? input, string reasonPart)
    {
        var result = EmailAddressCheck.Check(input);

        Assert.False(result.IsValid);
        Assert.Contains(reasonPart, result.Error);
    }

    [Fact]
    public void OverlongAddressesAreRefused()
    {
        var result = EmailAddressCheck.Check(new string('a', 250) + "@customer.test");

        Assert.Contains("longer than 254", result.Error);
    }
}
