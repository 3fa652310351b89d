using Microsoft.Playwright;

namespace HelpPortal.EndToEnd.Journeys;

/// <summary>Where the journeys go, and the few steps several of them share.</summary>
internal static class Pages
{
    public const string Troubleshooting = "/en/articles/troubleshooting-email";
    public const string TroubleshootingTitle = "Troubleshooting email";
    public const string PlainArticle = "/en/articles/update-contact-details";
    public const string IphoneArticle = "/en/articles/set-up-iphone-ipad";

    public static ILocator Heading(this IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public static ILocator MainRegion(this IPage page) => page.GetByRole(AriaRole.Main);

    public static ILocator SearchBox(this IPage page) =>
        page.GetByRole(AriaRole.Search).First.GetByLabel("Search the help");

    public static ILocator Tester(this IPage page) => page.Locator("[data-widget=\"mail-tester\"]");

    /// <summary>The tester is interactive: its button is enabled once the circuit is up.</summary>
    public static async Task<ILocator> TesterButtonWhenReadyAsync(this IPage page)
    {
        var button = page.Tester().GetByRole(AriaRole.Button, new() { Name = "Test my settings" });
        await Assertions.Expect(button).ToBeEnabledAsync(new() { Timeout = 30_000 });
        return button;
    }

    /// <summary>Fills the tester in and starts it; the verdict element appears when the test is done.</summary>
    public static async Task<ILocator> RunTesterAsync(this IPage page, string address, string password)
    {
        var button = await page.TesterButtonWhenReadyAsync();
        await page.Tester().GetByLabel("Email address").FillAsync(address);
        await page.Tester().GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await button.ClickAsync();
        return page.Locator("[data-verdict]");
    }

    /// <summary>Mail servers answer in seconds, slower on a busy machine.</summary>
    public static LocatorAssertionsToHaveAttributeOptions VerdictWait { get; } = new() { Timeout = 30_000 };

    public static ILocator FeedbackThanks(this IPage page) =>
        page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Thank you for your feedback" });

    public static async Task SignInAsLeadAsync(this IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(PortalFixture.LeadEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(PortalFixture.LeadPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            // Hashing the password is deliberately slow; with every test project running at once on a small
            // machine the answer can take longer than the usual step.
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 45_000 });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator("main").InnerTextAsync();
            throw new InvalidOperationException($"Signing in as the support lead stayed on {page.Url}; the page shows:\n{shown}");
        }
    }
}
