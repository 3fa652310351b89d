using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

/// <summary>Only Tab, Space, typing and Enter: nothing here clicks.</summary>
[Collection(PortalCollection.Name)]
public sealed class KeyboardJourneys(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task SearchWorksWithTabAndEnter()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/en");

        await TabUntilFocusedAsync(page, page.SearchBox());
        await page.Keyboard.TypeAsync("smtp port");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/en/search\\?q=smtp"));
        await Expect(page.MainRegion().GetByRole(AriaRole.Link, new() { Name = Pages.TroubleshootingTitle }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheVoteFormWithAReasonAndACommentWorksWithTheKeyboard()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Pages.PlainArticle);

        await TabUntilFocusedAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        // Tab reaches a radio group once; Space chooses the focused reason.
        var firstReason = page.GetByRole(AriaRole.Radio).First;
        await TabUntilFocusedAsync(page, firstReason);
        await page.Keyboard.PressAsync("Space");
        await Expect(firstReason).ToBeCheckedAsync();
        await TabUntilFocusedAsync(page, page.GetByLabel("Anything you want to add? (optional)"));
        await page.Keyboard.TypeAsync("Typed without a mouse");
        await TabUntilFocusedAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.FeedbackThanks()).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheTesterWorksWithTabAndEnter()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Pages.Troubleshooting);
        var button = await page.TesterButtonWhenReadyAsync();

        await TabUntilFocusedAsync(page, page.Tester().GetByLabel("Email address"));
        await page.Keyboard.TypeAsync(Fixture.Mail.GoodAddress);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Tester().GetByLabel("Password", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(Fixture.Mail.GoodPassword);
        await TabUntilFocusedAsync(page, button);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("[data-verdict]")).ToHaveAttributeAsync("data-diagnosis", "ok", Pages.VerdictWait);
    }

    private static async Task TabUntilFocusedAsync(IPage page, ILocator target, int maxTabs = 200)
    {
        var handle = await target.ElementHandleAsync();
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await handle.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }
        }
        Assert.Fail($"{maxTabs} presses of Tab never reached {target}.");
    }
}
