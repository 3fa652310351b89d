using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

[Collection(PortalCollection.Name)]
public sealed class MailTesterJourneys(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task AWorkingAccountGetsTheVerdictOk()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Pages.Troubleshooting);
        var button = await page.TesterButtonWhenReadyAsync();

        await page.Tester().GetByLabel("Email address").FillAsync(Fixture.Mail.GoodAddress);
        await page.Tester().GetByLabel("Password", new() { Exact = true }).FillAsync(Fixture.Mail.GoodPassword);
        await button.ClickAsync();

        var verdict = page.Locator("[data-verdict]");
        await Expect(verdict).ToHaveAttributeAsync("data-diagnosis", "ok", new() { Timeout = 30_000 });
        await Expect(verdict).ToHaveAttributeAsync("data-verdict", "ok");
        await Expect(page.Locator("[data-step][data-status=\"failed\"]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AWrongPasswordGetsAuthFailedWithAFixAndTheFieldIsEmptied()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Pages.Troubleshooting);
        var button = await page.TesterButtonWhenReadyAsync();
        var password = page.Tester().GetByLabel("Password", new() { Exact = true });

        await page.Tester().GetByLabel("Email address").FillAsync(Fixture.Mail.GoodAddress);
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
        var plain = await PageCountingWebSocketsAsync();
        await plain.Page.GotoAsync(Pages.PlainArticle, new() { WaitUntil = WaitUntilState.NetworkIdle });
        // Blazor's script has started and the network has been quiet since: a circuit would have begun by now.
        await plain.Page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        Assert.Equal(0, plain.Opened());

        var tester = await PageCountingWebSocketsAsync();
        await tester.Page.GotoAsync(Pages.Troubleshooting);
        await tester.Page.TesterButtonWhenReadyAsync();
        Assert.True(tester.Opened() > 0, "the tester's circuit should have opened a WebSocket");
    }

    private async Task<(IPage Page, Func<int> Opened)> PageCountingWebSocketsAsync()
    {
        var page = await NewPageAsync();
        var opened = 0;
        page.WebSocket += (_, _) => Interlocked.Increment(ref opened);
        return (page, () => Volatile.Read(ref opened));
    }
}
