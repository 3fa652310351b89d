using System.Net;
using HelpPortal.Mail;
using HelpPortal.Web.ClientProfiles;
using HelpPortal.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.ClientProfiles;

/// <summary>
/// The "client-profiles" policy on a host of its own, so the test does not depend on where the portal's pipeline
/// places the rate limiter.
/// </summary>
public sealed class ClientProfilesRateLimitTests
{
    [Fact]
    public async Task AClientOverTheLimitGets429AndNoProfile()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration[ClientProfilesFeature.RequestsPerClientPerMinuteKey] = "3";
        // A bare builder runs as Production, where the public address is required.
        builder.Configuration["Portal:PublicUrl"] = "https://help.example.test";
        builder.Services.AddSingleton(new MailServiceModel(
            "Example Mail",
            new MailServer("imap.example.test", 993, MailSecurity.SslOnConnect),
            new MailServer("smtp.example.test", 465, MailSecurity.SslOnConnect),
            new SendingLimits(300, 2000, 60)));
        builder.AddPublicOrigin();
        builder.AddClientProfiles();
        await using var app = builder.Build();
        app.UseRateLimiter();
        app.MapClientProfiles();
        await app.StartAsync();
        using var client = app.GetTestClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync("/mail/profile.mobileconfig?email=anna%40customer.test")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/mail/config-v1.1.xml")).StatusCode);
    }
}
