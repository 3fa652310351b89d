using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

/// <summary>What a support lead sees: the charts, the content gaps, and readers arriving at support with context.</summary>
[Collection(PortalCollection.Name)]
public sealed class LeadJourneys(PortalFixture fixture) : PortalTest(fixture)
{
    /// <summary>Weeks (Monday first) touched by the dashboard's default 30 days.</summary>
    private static int WeeksInLast30Days()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = today.AddDays(-29).AddDays(-(((int)today.AddDays(-29).DayOfWeek + 6) % 7));
        return (today.DayNumber - monday.DayNumber) / 7 + 1;
    }

    [Fact]
    public async Task TheHelpfulnessChartHasAPointPerWeekIsReadableInDarkModeAndPassesAxe()
    {
        var reader = await NewPageAsync();
        await reader.GotoAsync(Pages.PlainArticle);
        await reader.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
        await Expect(reader.FeedbackThanks()).ToBeVisibleAsync();

        var lead = await NewPageAsync();
        var cspErrors = new List<string>();
        lead.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                cspErrors.Add(message.Text);
            }
        };
        await lead.SignInAsLeadAsync();
        await lead.GotoAsync("/admin/feedback?period=30d");

        var chart = lead.Locator("[data-chart=helpfulness]");
        await Expect(chart.GetByRole(AriaRole.Img, new() { Name = "Helpfulness per week" })).ToBeVisibleAsync();
        await Expect(chart.Locator("g.chart-column")).ToHaveCountAsync(WeeksInLast30Days());
        var lastWeek = int.Parse((await chart.Locator("g.chart-column").Last.GetAttributeAsync("data-total"))!, CultureInfo.InvariantCulture);
        Assert.True(lastWeek >= 1, "this week's vote is in the last column");
        await Expect(chart.Locator("table tbody tr")).ToHaveCountAsync(WeeksInLast30Days());
        Assert.True((await chart.Locator("svg").BoundingBoxAsync())!.Height > 50);

        var yesBar = chart.Locator("rect[data-series=yes]").Last;
        var lightFill = await yesBar.EvaluateAsync<string>("e => getComputedStyle(e).fill");
        await lead.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var darkFill = await yesBar.EvaluateAsync<string>("e => getComputedStyle(e).fill");
        var darkText = await chart.Locator("text.chart-axis").First.EvaluateAsync<string>("e => getComputedStyle(e).fill");
        Assert.NotEqual(lightFill, darkFill);
        Assert.Equal("rgb(230, 232, 235)", darkText); // the dark scheme's text colour, not black on black

        Assert.Empty(await Axe.SeriousViolationsAsync(lead));
        await lead.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        Assert.Empty(await Axe.SeriousViolationsAsync(lead));
        Assert.Empty(cspErrors);
    }

    [Fact]
    public async Task AnArticlesOwnDashboardShowsItsTrendAndReasonsAndPassesAxeInBothSchemes()
    {
        var reader = await NewPageAsync();
        await reader.GotoAsync(Pages.IphoneArticle);
        await reader.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await reader.GetByLabel("Outdated").CheckAsync();
        await reader.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(reader.FeedbackThanks()).ToBeVisibleAsync();

        var lead = await NewPageAsync(colorScheme: ColorScheme.Dark);
        await lead.SignInAsLeadAsync();
        await lead.GotoAsync("/admin/feedback/en/set-up-iphone-ipad");

        await Expect(lead.Locator("[data-chart=article-helpfulness] g.chart-column")).ToHaveCountAsync(WeeksInLast30Days());
        await Expect(lead.Locator("[data-chart=article-reasons] rect[data-series=outdated]")).Not.ToHaveCountAsync(0);
        Assert.Empty(await Axe.SeriousViolationsAsync(lead));
        await lead.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        Assert.Empty(await Axe.SeriousViolationsAsync(lead));
    }

    [Fact]
    public async Task AResultLinksToTheArticleOpensAtOnceAndTheClickReachesTheSearchLog()
    {
        var reader = await NewPageAsync();
        await reader.GotoAsync("/en/search?q=Thunderbird");
        var link = reader.Locator(".search-result h2 a").First;
        var href = await link.GetAttributeAsync("href");
        Assert.StartsWith("/en/articles/", href);

        await link.ClickAsync();
        await reader.WaitForURLAsync(url => url.EndsWith(href!, StringComparison.Ordinal));

        var lead = await NewPageAsync();
        await lead.SignInAsLeadAsync();
        var opened = lead.Locator("tr[data-gap=thunderbird] td").Nth(3);
        // The ping travels beside the navigation; give it a moment on a busy machine.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await lead.GotoAsync("/admin/search?lang=en");
            if (await opened.CountAsync() == 1 && await opened.InnerTextAsync() != "0")
            {
                break;
            }
            await Task.Delay(500);
        }
        Assert.NotEqual("0", await opened.InnerTextAsync());
        var problems = await Axe.SeriousViolationsAsync(lead);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task ContactingSupportAfterAFailedTestCarriesTheVerdictCodeAndNeverTheAddress()
    {
        var page = await NewPageAsync();
        string? supportUrl = null;
        await page.RouteAsync("https://example.com/**", async route =>
        {
            supportUrl = route.Request.Url;
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<title>Support</title><h1>Support</h1>" });
        });
        await page.GotoAsync(Pages.Troubleshooting);
        var verdict = await page.RunTesterAsync(Fixture.Mail.GoodAddress, "not-the-password");
        await Expect(verdict).ToHaveAttributeAsync("data-diagnosis", "auth-failed", Pages.VerdictWait);

        await page.Locator(".contact-support").GetByRole(AriaRole.Button, new() { Name = "Contact support" }).ClickAsync();

        await Expect(page.Heading()).ToHaveTextAsync("Contact support");
        await Expect(page.GetByLabel("The last test result on the page: auth-failed")).ToBeCheckedAsync();
        var problems = await Axe.SeriousViolationsAsync(page);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to the support form" }).ClickAsync();
        await page.WaitForURLAsync("https://example.com/**");

        Assert.Equal("https://example.com/support?article=troubleshooting-email&lang=en&diagnosis=auth-failed", supportUrl);
        Assert.DoesNotContain(Fixture.Mail.GoodAddress.Split('@')[0], supportUrl, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WithoutJavaScriptAReaderStillReachesSupportWithTheArticleAndTheirVote()
    {
        var page = await NewPageAsync(javaScriptEnabled: false);
        string? supportUrl = null;
        await page.RouteAsync("https://example.com/**", async route =>
        {
            supportUrl = route.Request.Url;
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<title>Support</title><h1>Support</h1>" });
        });
        await page.GotoAsync("/en/articles/use-webmail");
        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await page.GetByLabel("Hard to follow").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(page.FeedbackThanks()).ToBeVisibleAsync();

        await page.Locator(".contact-support").GetByRole(AriaRole.Button, new() { Name = "Contact support" }).ClickAsync();
        await Expect(page.GetByLabel("Your answer to “Was this article helpful?”: No, because: Hard to follow")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to the support form" }).ClickAsync();
        await page.WaitForURLAsync("https://example.com/**");

        Assert.Equal("https://example.com/support?article=use-webmail&lang=en&vote=no&reason=hard-to-follow", supportUrl);
    }
}
