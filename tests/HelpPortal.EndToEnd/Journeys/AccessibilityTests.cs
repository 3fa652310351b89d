using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

/// <summary>axe-core on every kind of page, in light and dark: no serious or critical violation.</summary>
[Collection(PortalCollection.Name)]
public sealed class AccessibilityTests(PortalFixture portal)
{
    public static TheoryData<string, bool> ReaderPages() => new()
    {
        { "/en", false }, { "/en", true },
        { "/en/categories/email", false }, { "/en/categories/email", true },
        { Pages.Troubleshooting, false }, { Pages.Troubleshooting, true },
        { "/en/search?q=smtp", false }, { "/en/search?q=smtp", true },
        { "/sv/articles/felsokning-e-post", false }, { "/sv/articles/felsokning-e-post", true },
        { "/account/login", false }, { "/account/login", true },
    };

    [Theory]
    [MemberData(nameof(ReaderPages))]
    public async Task APublicPageHasNoSeriousViolations(string path, bool dark)
    {
        var page = await portal.NewPageAsync(colorScheme: dark ? ColorScheme.Dark : ColorScheme.Light);
        await page.GotoAsync(path);
        if (path == Pages.Troubleshooting)
        {
            // The widgets as a reader meets them: the tester connected, and a verdict on screen.
            await page.TesterButtonWhenReadyAsync();
        }

        await AssertNoSeriousViolationsAsync(page);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheFeedbackDashboardHasNoSeriousViolations(bool dark)
    {
        var page = await portal.NewPageAsync(colorScheme: dark ? ColorScheme.Dark : ColorScheme.Light);
        await page.SignInAsLeadAsync();
        await page.GotoAsync("/admin/feedback");
        await Expect(page.Heading()).ToBeVisibleAsync();

        await AssertNoSeriousViolationsAsync(page);
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help}\n" + string.Join("\n", v.Nodes.Take(5).Select(n => $"    {string.Join(" ", n.Target)} {n.Html} {string.Join("; ", n.Any.Concat(n.All).Select(c => c.Message))}")))
            .ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n{string.Join("\n", serious)}");
    }
}
