using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

[Collection(PortalCollection.Name)]
public sealed class MailTesterJourneys(PortalFixture portal)
{
    [Fact]
    public async Task AWorkingAccountGetsTheVerdictOk()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync(Pages.Troubleshooting);
        var button = await page.TesterButtonWhenReadyAsync();

        await page.Tester().GetByLabel("Email address").FillAsync(portal.Mail.GoodAddress);
        await page.Tester().GetByLabel("Password", new() { Exact = true }).FillAsync(portal.Mail.GoodPassword);
        await button.ClickAsync();

        var verdict = page.Locator("[data-verdict]");
        await Expect(verdict).ToHaveAttributeAsync("data-diagnosis", "ok", new() { Timeout = 30_000 });
        await Expect(verdict).ToHaveAttributeAsync("data-verdict", "ok");
        await Expect(page.Locator("[data-step][data-status=\"failed\"]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AWrongPasswordGetsAuthFailedWithAFixAndTheFieldIsEmptied()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync(Pages.Troubleshooting);
        var button = await page.TesterButtonWhenReadyAsync();
        var password = page.Tester().GetByLabel("Password", new() { Exact = true });

        await page.Tester().GetByLabel("Email address").FillAsync(portal.Mail.GoodAddress);
        await password.FillAsync("not-the-password-" + Guid.NewGuid().ToString("N")[..6]);
        await button.ClickAsync();

        var verdict = page.Locator("[data-verdict]");
        await Expect(verdict).ToHaveAttributeAsync("data-diagnosis", "auth-failed", new() { Timeout = 30_000 });
        await Expect(verdict).ToHaveAttributeAsync("data-verdict", "failed");
        await Expect(verdict.Locator("[data-fix]")).Not.ToBeEmptyAsync();
        await Expect(password).ToHaveValueAsync("");
    }

    [Fact]
    public async Task APlainArticleOpensNoWebSocketButTheTesterArticleDoes()
    {
        Assert.Equal(0, await WebSocketsOpenedAsync(Pages.PlainArticle));
        Assert.True(await WebSocketsOpenedAsync(Pages.Troubleshooting) > 0, "the tester's circuit should open a WebSocket");
    }

    private async Task<int> WebSocketsOpenedAsync(string path)
    {
        var page = await portal.NewPageAsync();
        var opened = 0;
        page.WebSocket += (_, _) => Interlocked.Increment(ref opened);
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        await page.WaitForTimeoutAsync(2_000);
        return opened;
    }
}
