using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

[Collection(PortalCollection.Name)]
public sealed class WidgetJourneys(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task TheCopyButtonPutsTheIncomingServerOnTheClipboard()
    {
        var page = await NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync(Pages.Troubleshooting);
        var settings = page.Locator("[data-widget=\"mail-settings\"]");
        var copy = settings.GetByRole(AriaRole.Button, new() { Name = "Copy incoming server" });
        var expected = Fixture.Portal.Environment["MailService__Incoming__Host"];

        await copy.ClickAsync();

        await Expect(settings.GetByText("Copied").First).ToBeVisibleAsync();
        Assert.Equal(expected, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task TheAppleProfileDownloadsWithTheReadersAddress()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Pages.IphoneArticle);
        var widget = page.Locator("form.profile-form");

        await widget.GetByLabel("Email address").FillAsync("reader@example.com");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            widget.GetByRole(AriaRole.Button, new() { Name = "Download profile" }).ClickAsync());

        Assert.EndsWith(".mobileconfig", download.SuggestedFilename, StringComparison.Ordinal);
        var profile = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("<plist", profile, StringComparison.Ordinal);
        Assert.Contains("reader@example.com", profile, StringComparison.Ordinal);
        // The servers the portal is configured with, not the shipped defaults.
        Assert.Contains($"<string>{Fixture.Portal.Environment["MailService__Incoming__Host"]}</string>", profile, StringComparison.Ordinal);
        Assert.Contains($"<integer>{Fixture.Portal.Environment["MailService__Incoming__Port"]}</integer>", profile, StringComparison.Ordinal);
    }
}
