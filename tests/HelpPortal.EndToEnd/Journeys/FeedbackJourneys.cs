using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpPortal.EndToEnd.Journeys;

[Collection(PortalCollection.Name)]
public sealed class FeedbackJourneys(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task ACommentLeftWithANoVoteReachesTheSupportLeadsDashboard()
    {
        var comment = $"The VPN part did not match my router {Guid.NewGuid():N}";
        var reader = await NewPageAsync();
        await reader.GotoAsync(Pages.Troubleshooting);

        await reader.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await reader.GetByLabel("Did not solve my problem").CheckAsync();
        await reader.GetByLabel("Anything you want to add? (optional)").FillAsync(comment);
        await reader.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(reader.FeedbackThanks()).ToBeVisibleAsync();

        var lead = await NewPageAsync();
        await lead.SignInAsLeadAsync();
        await lead.GotoAsync("/admin/feedback");
        await lead.MainRegion().GetByRole(AriaRole.Link, new() { Name = Pages.TroubleshootingTitle }).First.ClickAsync();

        await Expect(lead.GetByText(comment)).ToBeVisibleAsync();
        await Expect(lead.Locator(".feedback-comment").Filter(new() { HasText = comment })).ToContainTextAsync("Did not solve my problem");
    }
}
