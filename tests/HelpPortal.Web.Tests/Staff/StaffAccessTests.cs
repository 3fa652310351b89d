using System.Net;
using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Tests.Feedback;

namespace HelpPortal.Web.Tests.Staff;

public sealed class StaffAccessTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task AnAnonymousVisitorIsSentToTheLoginPage()
    {
        using var portal = new FeedbackPortal();
        using var client = portal.CreateClient();

        var response = await client.GetAsync("/admin/feedback");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Ffeedback", response.Headers.Location?.Query);
    }

    [Fact]
    public async Task AnEditorGets403OnTheFeedbackDashboard()
    {
        using var portal = new FeedbackPortal();
        await portal.AddUserAsync("editor@example.com", Password, StaffRoles.Editor);
        using var client = await portal.SignInAsync("editor@example.com", Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/feedback.csv")).StatusCode);
    }

    [Fact]
    public async Task AUserAddedWithTheCommandSignsInAndASupportLeadSeesTheDashboard()
    {
        using var portal = new FeedbackPortal();
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        using var client = await portal.SignInAsync("lead@example.com", Password);

        var response = await client.GetAsync("/admin/feedback");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWrongPasswordShowsAClearErrorAndNeverEchoesThePassword()
    {
        using var portal = new FeedbackPortal();
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        using var client = portal.CreateClient();

        var response = await FeedbackPortal.PostFormAsync(client, "/account/login", "/account/login", new()
        {
            ["Input.Email"] = "lead@example.com",
            ["Input.Password"] = "wrong password 123",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The email address or password is not correct.", html);
        Assert.DoesNotContain("wrong password 123", html);
    }

    [Fact]
    public async Task RepeatedFailuresLockTheAccount()
    {
        using var portal = new FeedbackPortal();
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        using var client = portal.CreateClient();
        string html = "";

        for (var i = 0; i < 6; i++)
        {
            var response = await FeedbackPortal.PostFormAsync(client, "/account/login", "/account/login", new()
            {
                ["Input.Email"] = "lead@example.com",
                ["Input.Password"] = i < 5 ? "wrong password" : Password,
            });
            html = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("locked", html);
    }

    [Fact]
    public async Task AddUserRejectsAnUnknownRoleAndAMissingPassword()
    {
        using var portal = new FeedbackPortal();
        using var output = new StringWriter();

        var badRole = await AddUserCommand.RunAsync(portal.Services, ["x@example.com", "--role", "Admin"], new StringReader("pw\n"), output);
        var noPassword = await AddUserCommand.RunAsync(portal.Services, ["x@example.com", "--role", "Editor"], new StringReader(""), output);

        Assert.NotEqual(0, badRole);
        Assert.NotEqual(0, noPassword);
        Assert.Contains("--role", output.ToString());
        Assert.Contains("password", output.ToString());
    }

    [Fact]
    public async Task AddUserUpdatesThePasswordOfAnExistingAccount()
    {
        using var portal = new FeedbackPortal();
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        await portal.AddUserAsync("lead@example.com", "a brand new password", StaffRoles.SupportLead);

        using var client = await portal.SignInAsync("lead@example.com", "a brand new password");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/feedback")).StatusCode);
    }
}
