using Microsoft.Extensions.Logging.Abstractions;
using HelpPortal.Mail.Limits;
using System.Net;
using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Staff;
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
        Assert.Contains("the email address or password is not correct", html);
        Assert.DoesNotContain("wrong password 123", html);
    }

    [Fact]
    public async Task RepeatedFailuresLockTheAccountOnlyForThatNetworkAndLookLikeAnyOtherFailure()
    {
        using var portal = new FeedbackPortal();
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        using var attacker = portal.CreateClient();
        attacker.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "203.0.113.66");

        for (var i = 0; i < StaffLockout.MaxFailures; i++)
        {
            await SignInAsync(attacker, "lead@example.com", "wrong password");
        }
        var locked = await SignInAsync(attacker, "lead@example.com", Password);
        var unknown = await SignInAsync(attacker, "nobody@example.com", "wrong password");

        // The right password from the attacker's network does not get in, and says nothing an unknown account does not.
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.Equal(ErrorText(unknown.Html), ErrorText(locked.Html));
        Assert.NotEmpty(ErrorText(locked.Html));

        // The lead, from their own network, is not locked out by someone else's failures.
        using var lead = portal.CreateClient();
        lead.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "198.51.100.1");
        var own = await SignInAsync(lead, "lead@example.com", Password);
        Assert.True(own.Status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"the lead got {(int)own.Status}");
    }

    [Fact]
    public async Task ALockedPairOpensAgainAfterTheLockoutTime()
    {
        var time = new ManualClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var lockout = new StaffLockout(new MemoryLimitCounter(time), NullLogger<StaffLockout>.Instance);
        var key = StaffLockout.Key("lead@example.com", "203.0.113.66");

        for (var i = 0; i < StaffLockout.MaxFailures; i++)
        {
            Assert.NotNull(await lockout.BeginAttemptAsync(key, default));
        }
        Assert.Null(await lockout.BeginAttemptAsync(key, default));
        Assert.NotNull(await lockout.BeginAttemptAsync(StaffLockout.Key("lead@example.com", "198.51.100.1"), default));

        time.Advance(StaffLockout.LockoutTime);
        Assert.NotNull(await lockout.BeginAttemptAsync(key, default));
    }

    [Fact]
    public async Task ASuccessfulSignInIsNotCountedAsAFailure()
    {
        var time = new ManualClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var lockout = new StaffLockout(new MemoryLimitCounter(time), NullLogger<StaffLockout>.Instance);
        var key = StaffLockout.Key("lead@example.com", "198.51.100.1");

        for (var i = 0; i < StaffLockout.MaxFailures * 3; i++)
        {
            var attempt = await lockout.BeginAttemptAsync(key, default);
            Assert.NotNull(attempt);
            await lockout.SucceededAsync(attempt, default);
        }
    }

    private static async Task<(HttpStatusCode Status, string Html)> SignInAsync(HttpClient client, string email, string password)
    {
        var response = await FeedbackPortal.PostFormAsync(client, "/account/login", "/account/login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string ErrorText(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<p class=\"login-error\"[^>]*>(.*?)</p>").Groups[1].Value;

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
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
