using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

[Collection(PortalCollection.Name)]
public sealed class ReadingJourneys(PortalFixture fixture) : PortalTest(fixture)
{
    [Theory]
    [InlineData("en-GB", "/en")]
    [InlineData("sv-SE", "/sv")]
    public async Task TheRootSendsAVisitorToTheirBrowsersLanguage(string locale, string expectedPath)
    {
        var page = await NewPageAsync(locale: locale);

        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(expectedPath) + "/?$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", expectedPath[1..]);
    }

    [Fact]
    public async Task AReaderReachesTroubleshootingThroughTheEmailCategory()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/en");

        await page.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Email", Exact = true }).First.ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("Email");
        await page.MainRegion().GetByRole(AriaRole.Link, new() { Name = Pages.TroubleshootingTitle, Exact = true }).First.ClickAsync();

        await Expect(page.Heading()).ToHaveTextAsync(Pages.TroubleshootingTitle);
        await Expect(page).ToHaveURLAsync(new Regex("/en/articles/troubleshooting-email$"));
    }

    [Fact]
    public async Task AReaderReachesTroubleshootingThroughSearch()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/en");

        await page.SearchBox().FillAsync("troubleshooting");
        await page.SearchBox().PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/en/search\\?q=troubleshooting"));
        await page.MainRegion().GetByRole(AriaRole.Link, new() { Name = Pages.TroubleshootingTitle }).First.ClickAsync();

        await Expect(page.Heading()).ToHaveTextAsync(Pages.TroubleshootingTitle);
    }

    [Fact]
    public async Task TheLanguageSwitchOpensTheSwedishVersionOfTheArticle()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Pages.Troubleshooting);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Svenska" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/sv/articles/felsokning-e-post$"));
        await Expect(page.Heading()).ToHaveTextAsync("Felsökning av e-post");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
    }
}
