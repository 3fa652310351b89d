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

        var verdict = await page.RunTesterAsync(Fixture.Mail.GoodAddress, Fixture.Mail.GoodPassword);

        await Expect(verdict).ToHaveAttributeAsync("data-diagnosis", "ok", Pages.VerdictWait);
        await Expect(verdict).ToHaveAttributeAsync("data-verdict", "ok");
        await Expect(page.Locator("[data-step][data-status=\"failed\"]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AWrongPasswordGetsAuthFailedWithAFixAndTheFieldIsEmptied()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Pages.Troubleshooting);

        var verdict = await page.RunTesterAsync(Fixture.Mail.GoodAddress, "not-the-password-" + Guid.NewGuid().ToString("N")[..6]);

        await Expect(verdict).ToHaveAttributeAsync("data-diagnosis", "auth-failed", Pages.VerdictWait);
        await Expect(verdict).ToHaveAttributeAsync("data-verdict", "failed");
        await Expect(verdict.Locator("[data-fix]")).ToBeVisibleAsync();
        await Expect(verdict.Locator("[data-fix]")).Not.ToBeEmptyAsync();
        await Expect(page.Tester().GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync("");
    }

    [Fact]
    public async Task APlainArticleOpensNoWebSocketButTheTesterArticleDoes()
    {
        var plain = await PageCountingWebSocketsAsync();
        var scripts = new List<string>();
        plain.Page.Request += (_, request) =>
        {
            if (request.ResourceType == "script")
            {
                lock (scripts)
                {
                    scripts.Add(request.Url);
                }
            }
        };
        await plain.Page.GotoAsync(Pages.PlainArticle, new() { WaitUntil = WaitUntilState.NetworkIdle });
        // Every script has run and the network has been quiet since: a circuit would have begun by now.
        await plain.Page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        Assert.Equal(0, plain.Opened());
        // A plain page does not even load the framework.
        Assert.False(await plain.Page.EvaluateAsync<bool>("() => window.Blazor !== undefined"));
        lock (scripts)
        {
            Assert.DoesNotContain(scripts, url => url.Contains("blazor.web", StringComparison.Ordinal));
        }

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
