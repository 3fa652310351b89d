using System.Net;
using HelpPortal.Feedback;
using HelpPortal.Web.Tests.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Search;

public sealed class SearchLogAccessTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task AnAnonymousVisitorIsSentToTheLoginPage()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        var response = await client.GetAsync("/admin/search");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task AnEditorGets403()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        await portal.AddUserAsync("editor@example.com", Password, StaffRoles.Editor);
        using var client = await portal.SignInAsync("editor@example.com", Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/search")).StatusCode);
    }

    [Fact]
    public async Task ASupportLeadSeesTopQueriesNoResultsAndNeverOpened()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        using var client = await portal.SignInAsync("lead@example.com", Password);
        await client.GetStringAsync("/en/search?q=smtp");
        await client.GetStringAsync("/en/search?q=zebra");

        var response = await client.GetAsync("/admin/search?lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Top queries", html);
        Assert.Contains("data-report=\"no-results\"", html);
        Assert.Contains("data-report=\"never-opened\"", html);
        Assert.Contains("zebra", html);
        Assert.Contains("smtp", html);
    }
}
