using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

/// <summary>axe-core on every kind of page, in light and dark: no serious or critical violation.</summary>
[Collection(PortalCollection.Name)]
public sealed class AccessibilityTests(PortalFixture fixture) : PortalTest(fixture)
{
    public static TheoryData<string> PublicPages() =>
    [
        "/en",
        "/en/categories/email",
        "/en/search?q=smtp",
        "/account/login",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task APublicPageHasNoSeriousViolationsInLightOrDarkMode(string path)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(path);
        await Expect(page.Heading()).ToBeVisibleAsync();

        await AssertNoSeriousViolationsInBothSchemesAsync(page);
    }

    [Fact]
    public async Task AnArticleWithWidgetsAndAVerdictHasNoSeriousViolationsInLightOrDarkMode()
    {
        // The widgets as a reader meets them after a failed test: the tester connected and a verdict on screen.
        var page = await NewPageAsync();
        await page.GotoAsync(Pages.Troubleshooting);
        var verdict = await page.RunTesterAsync(Fixture.Mail.GoodAddress, "not-the-password");
        await Expect(verdict).ToHaveAttributeAsync("data-diagnosis", "auth-failed", Pages.VerdictWait);

        await AssertNoSeriousViolationsInBothSchemesAsync(page);
    }

    [Fact]
    public async Task TheFeedbackDashboardHasNoSeriousViolationsInLightOrDarkMode()
    {
        var page = await NewPageAsync();
        await page.SignInAsLeadAsync();
        await page.GotoAsync("/admin/feedback");
        await Expect(page.Heading()).ToBeVisibleAsync();

        await AssertNoSeriousViolationsInBothSchemesAsync(page);
    }

    [Fact]
    public async Task TheCheckReportsViolationsPlantedInAPage()
    {
        // Proves the check can fail: faint text and an image without a text alternative.
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        // Styled through the CSSOM: a Content-Security-Policy may forbid inline style attributes.
        await page.EvaluateAsync("""
            () => {
              const faint = document.createElement('p');
              faint.textContent = 'faint';
              faint.style.color = '#777';
              faint.style.backgroundColor = '#888';
              const image = document.createElement('img');
              image.src = '/planted.png';
              document.querySelector('main').append(faint, image);
            }
            """);

        var problems = await Axe.SeriousViolationsAsync(page);

        Assert.Contains(problems, problem => problem.Contains("color-contrast", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("image-alt", StringComparison.Ordinal));
    }

    /// <summary>The rules a colour scheme can change the outcome of; every other rule reads the same markup.</summary>
    private static readonly string[] ColourRules = ["color-contrast", "link-in-text-block"];

    /// <summary>
    /// One page load, two analyses: every rule in light mode, then the colour rules again after the emulated
    /// scheme turns dark. That restyles the same document, which is what a reader whose system turns dark
    /// sees, and saves loading every page twice.
    /// </summary>
    private static async Task AssertNoSeriousViolationsInBothSchemesAsync(IPage page)
    {
        var problems = new List<string>();
        foreach (var (scheme, dark, rules) in new[] { (ColorScheme.Light, false, null), (ColorScheme.Dark, true, ColourRules) })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            Assert.Equal(dark, await page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches"));

            problems.AddRange((await Axe.SeriousViolationsAsync(page, rules)).Select(problem => $"[{scheme}] {problem}"));
        }
        Assert.True(problems.Count == 0, $"{page.Url}:\n{string.Join("\n", problems)}");
    }
}
