using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

/// <summary>A browser with JavaScript turned off still reads, searches and votes.</summary>
[Collection(PortalCollection.Name)]
public sealed class NoScriptJourneys(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task ReadingWorksWithoutJavaScript()
    {
        var page = await NewPageAsync(javaScriptEnabled: false);

        await page.GotoAsync(Pages.Troubleshooting);

        await Expect(page.Heading()).ToHaveTextAsync(Pages.TroubleshootingTitle);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-widget=\"mail-settings\"] table")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SearchingWorksWithoutJavaScript()
    {
        var page = await NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/en");

        await page.SearchBox().FillAsync("troubleshooting");
        await page.SearchBox().PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/en/search\\?q=troubleshooting"));
        await Expect(page.MainRegion().GetByRole(AriaRole.Link, new() { Name = Pages.TroubleshootingTitle }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task VotingWorksWithoutJavaScript()
    {
        var page = await NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/en/articles/use-webmail");

        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await page.GetByLabel("Hard to follow").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Expect(page.FeedbackThanks()).ToBeVisibleAsync();
    }
}
