using System.Net;
using HelpPortal.Web.Tests.Feedback;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Tests.Staff;

public sealed class StaffHardeningTests
{
    [Fact]
    public async Task SignInAttemptsAreLimitedPerClientButTheFormStaysReadable()
    {
        using var portal = new FeedbackPortal(new Dictionary<string, string?> { ["Hardening:SignInAttemptsPerClientPerMinute"] = "2" });
        using var client = portal.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 3; i++)
        {
            var response = await FeedbackPortal.PostFormAsync(client, "/account/login", "/account/login", new()
            {
                ["Input.Email"] = "lead@example.com",
                ["Input.Password"] = "wrong password",
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public void TheStaffCookieIsSecureHttpOnlyAndSameSiteOutsideDevelopment()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Portal:PublicUrl"] = "https://help.example.test",
        });

        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie;

        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
    }

    [Fact]
    public void TheCircuitLimitsComeFromConfiguration()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Circuit:DisconnectedCircuitMaxRetained"] = "7",
            ["Circuit:DisconnectedCircuitRetentionPeriod"] = "00:00:45",
        });

        var circuit = factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(7, circuit.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromSeconds(45), circuit.DisconnectedCircuitRetentionPeriod);
    }
}
