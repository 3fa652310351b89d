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
    public async Task VotingWorksWithoutJavaScriptAndCountsOnce()
    {
        var page = await NewPageAsync(javaScriptEnabled: false);
        var stored = await page.GotoAsync("/en/articles/use-webmail");
        // The page came from the store, the same bytes for everyone: no token in it, only Chromium's own
        // Sec-Fetch-Site: same-origin on the post lets the vote in.
        Assert.NotNull(await stored!.HeaderValueAsync("etag"));

        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await page.GetByLabel("Hard to follow").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Expect(page.FeedbackThanks()).ToBeVisibleAsync();
        await page.GotoAsync("/en/articles/use-webmail");
        await Expect(page.FeedbackThanks()).ToHaveCountAsync(0);

        var lead = await NewPageAsync();
        await lead.SignInAsLeadAsync();
        var csv = await (await lead.APIRequest.GetAsync("/admin/feedback.csv")).TextAsync();
        var row = csv.Split("\r\n").Single(line => line.StartsWith("use-webmail,en,", StringComparison.Ordinal)).Split(',');
        // slug,lang,title,yes,no,...: the "No" and its reason are one vote, not two.
        Assert.Equal(("0", "1"), (row[^5], row[^4]));
    }
}
