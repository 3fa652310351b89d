namespace HelpPortal.Web.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task ThePortalStartsAndAnswersWithAPage()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/not-found");
        Assert.Contains("Not Found", await response.Content.ReadAsStringAsync());
    }
}
