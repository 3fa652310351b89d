using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

/// <summary>A customer checks their domain from the troubleshooting article, against the loopback NSD.</summary>
[Collection(PortalCollection.Name)]
public sealed class DomainCheckJourneys(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task ACustomerTypesTheirAddressSeesWhatIsWrongAndCopiesTheRecord()
    {
        var page = await NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync(Pages.Troubleshooting);
        var widget = page.Locator("[data-widget=\"domain-check\"]");

        await widget.GetByLabel("Domain or email address").FillAsync("anna@spf-without-us.test");
        await widget.GetByRole(AriaRole.Button, new() { Name = "Check my domain" }).ClickAsync();

        // The result has its own address, to send to support.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/en/domain-check\?domain=anna%40spf-without-us\.test$"));
        var verdict = page.Locator("[data-verdict]");
        await Expect(verdict).ToHaveAttributeAsync("data-verdict", "failed");
        await Expect(verdict).ToHaveAttributeAsync("data-diagnosis", "spf-without-us");
        await Expect(verdict).ToContainTextAsync("spf-without-us.test: mail is not set up correctly.");
        var spf = page.Locator("[data-finding][data-code=\"spf-without-us\"]");
        await Expect(spf).ToHaveAttributeAsync("data-status", "failed");
        await Expect(spf).ToContainTextAsync("does not include the servers of");
        await Expect(spf).ToContainTextAsync("Replace your SPF record with this one:");
        var record = await spf.Locator("[data-record]").InnerTextAsync();
        Assert.Contains("include:spf.provider.test", record, StringComparison.Ordinal);

        await spf.GetByRole(AriaRole.Button, new() { Name = "Copy the record" }).ClickAsync();

        await Expect(spf.GetByText("Copied")).ToBeVisibleAsync();
        Assert.Equal(record.Trim(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await spf.GetByRole(AriaRole.Link, new() { Name = "Read more: SPF: allow us to send mail for your domain" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("SPF: allow us to send mail for your domain");
    }

    [Fact]
    public async Task WithoutJavaScriptTheCheckStillAnswers()
    {
        var page = await NewPageAsync(javaScriptEnabled: false, locale: "sv-SE");
        await page.GotoAsync("/sv/articles/felsokning-e-post");
        var widget = page.Locator("[data-widget=\"domain-check\"]");

        await widget.GetByLabel("Domän eller e-postadress").FillAsync("bücher.test");
        await widget.GetByRole(AriaRole.Button, new() { Name = "Kontrollera min domän" }).ClickAsync();

        var verdict = page.Locator("[data-verdict]");
        await Expect(verdict).ToHaveAttributeAsync("data-verdict", "ok");
        await Expect(verdict).ToContainTextAsync("bücher.test: allt vi förväntar oss finns på plats.");
        await Expect(page.Locator("[data-finding][data-status=\"ok\"]")).ToHaveCountAsync(4);
    }
}
