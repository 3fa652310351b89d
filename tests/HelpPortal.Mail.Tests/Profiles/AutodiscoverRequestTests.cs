using System.Text;
using HelpPortal.Mail.Profiles;

namespace HelpPortal.Mail.Tests.Profiles;

public sealed class AutodiscoverRequestTests
{
    private const string OutlookRequest = """
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
          <Request>
            <EMailAddress>anna@customer.test</EMailAddress>
            <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
          </Request>
        </Autodiscover>
        """;

    [Fact]
    public void OutlooksRequestYieldsTheAddress()
    {
        var result = Parse(OutlookRequest);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("anna@customer.test", result.EmailAddress);
    }

    [Fact]
    public void ADtdIsRefusedWithAReason()
    {
        var result = Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE Autodiscover [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
            <Autodiscover><Request><EMailAddress>&b;@customer.test</EMailAddress></Request></Autodiscover>
            """);

        Assert.False(result.IsValid);
        Assert.Contains("DTD", result.Error);
    }

    [Fact]
    public void AnExternalEntityIsNeverFetched()
    {
        var result = Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE Autodiscover [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <Autodiscover><Request><EMailAddress>&xxe;</EMailAddress></Request></Autodiscover>
            """);

        Assert.False(result.IsValid);
        Assert.DoesNotContain("root:", result.Error);
        Assert.Contains("DTD", result.Error);
    }

    [Fact]
    public void AnUndeclaredEntityIsMalformedXml()
    {
        var result = Parse("<Autodiscover><Request><EMailAddress>&xxe;</EMailAddress></Request></Autodiscover>");

        Assert.False(result.IsValid);
        Assert.Contains("not well-formed", result.Error);
    }

    [Theory]
    [InlineData("<Autodiscover><Request><EMailAddress>anna@customer.test</Request></Autodiscover>")]
    [InlineData("not xml at all")]
    [InlineData("<Autodiscover>")]
    public void MalformedXmlIsRefusedWithItsPosition(string body)
    {
        var result = Parse(body);

        Assert.False(result.IsValid);
        Assert.Contains("not well-formed", result.Error);
        Assert.Contains("line", result.Error);
    }

    [Fact]
    public void AnotherRootElementIsNotAnAutodiscoverRequest()
    {
        var result = Parse("<Request><EMailAddress>anna@customer.test</EMailAddress></Request>");

        Assert.False(result.IsValid);
        Assert.Contains("root element must be Autodiscover", result.Error);
    }

    [Fact]
    public void ARequestWithoutAnAddressSaysSo()
    {
        var result = Parse("<Autodiscover><Request /></Autodiscover>");

        Assert.Equal("The request has no EMailAddress element.", result.Error);
    }

    [Fact]
    public void AMalformedAddressIsRefused()
    {
        var result = Parse("<Autodiscover><Request><EMailAddress>anna at customer</EMailAddress></Request></Autodiscover>");

        Assert.False(result.IsValid);
        Assert.StartsWith("EMailAddress:", result.Error);
    }

    [Fact]
    public void TheMobileSyncSchemaIsNotOffered()
    {
        var result = Parse(OutlookRequest.Replace("outlook/responseschema/2006a", "mobilesync/responseschema/2006", StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.Contains("response schema", result.Error);
    }

    [Fact]
    public void ABodyOverTheCapIsRefusedBeforeParsing()
    {
        var padding = new string(' ', AutodiscoverRequest.MaxBytes);
        var result = Parse($"<Autodiscover>{padding}</Autodiscover>");

        Assert.False(result.IsValid);
        Assert.Contains("larger than 64 KB", result.Error);
    }

    [Fact]
    public void AnEmptyBodyIsRefused()
    {
        Assert.False(AutodiscoverRequest.Parse([]).IsValid);
    }

    private static AutodiscoverRequestResult Parse(string body) => AutodiscoverRequest.Parse(Encoding.UTF8.GetBytes(body));
}
