using System.Net;
using System.Text;
using HelpPortal.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Tests.Hosting;

/// <summary>The small limits and headers that keep an ordinary public site from being an easy target.</summary>
public sealed class SmallerDoorsTests
{
    [Theory]
    [InlineData("/en/articles/troubleshooting-email/feedback")]
    [InlineData("/account/login")]
    [InlineData("/autodiscover/autodiscover.xml")]
    public async Task ABodyOverTheGlobalLimitGets413WithTheReason(string path)
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync(path, new StringContent(new string('x', 200 * 1024), Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("KB", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/admin/feedback")]
    [InlineData("/admin/feedback.csv")]
    [InlineData("/account/login")]
    public async Task StaffPagesAndTheExportAreNeverStored(string path)
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task EveryResponseCarriesAPermissionsPolicy()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/en");

        var policy = string.Join(",", response.Headers.GetValues("Permissions-Policy"));
        Assert.Contains("camera=()", policy);
        Assert.Contains("geolocation=()", policy);
    }

    [Fact]
    public void HstsTakesItsMaxAgeAndSubdomainsFromConfiguration()
    {
        using var defaults = new PortalFactory();
        using var configured = new PortalFactory(new Dictionary<string, string?> { ["Hsts:MaxAgeDays"] = "30", ["Hsts:IncludeSubDomains"] = "false" });

        var standard = defaults.Services.GetRequiredService<IOptions<HstsOptions>>().Value;
        var changed = configured.Services.GetRequiredService<IOptions<HstsOptions>>().Value;

        Assert.Equal((TimeSpan.FromDays(365), true), (standard.MaxAge, standard.IncludeSubDomains));
        Assert.Equal((TimeSpan.FromDays(30), false), (changed.MaxAge, changed.IncludeSubDomains));
    }

    [Fact]
    public async Task AClientHoldsAtMostTheConfiguredNumberOfCircuitConnections()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.Configure<CircuitLimits>(limits => limits.MaxPerClient = 2);
        builder.Services.AddSingleton<CircuitsPerClient>();
        await using var app = builder.Build();
        var release = new TaskCompletionSource();
        app.UseCircuitsPerClient();
        // Stands in for the hub: a connection stays open until the test lets it go.
        app.Map(CircuitsPerClient.HubPath, (Func<Task>)(() => release.Task));
        await app.StartAsync();
        var server = app.GetTestServer();

        Task<HttpContext> Connect(string address) => server.SendAsync(http =>
        {
            http.Request.Path = CircuitsPerClient.HubPath;
            http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });

        var open = new[] { Connect("198.51.100.7"), Connect("198.51.100.7") };
        await WaitUntilAsync(() => app.Services.GetRequiredService<CircuitsPerClient>().OpenFor("198.51.100.7") == 2);
        var third = await Connect("198.51.100.7");
        var otherClient = Connect("198.51.100.8");

        Assert.Equal(StatusCodes.Status429TooManyRequests, third.Response.StatusCode);
        release.SetResult();
        Assert.All(await Task.WhenAll(open), c => Assert.Equal(StatusCodes.Status200OK, c.Response.StatusCode));
        Assert.Equal(StatusCodes.Status200OK, (await otherClient).Response.StatusCode);
        Assert.Equal(0, app.Services.GetRequiredService<CircuitsPerClient>().OpenFor("198.51.100.7"));
    }

    [Fact]
    public void RetentionDaysComeFromConfigurationAndMustBePositive()
    {
        using var configured = new PortalFactory(new Dictionary<string, string?> { ["Retention:Days"] = "30" });
        using var invalid = new PortalFactory(new Dictionary<string, string?> { ["Retention:Days"] = "0" });

        Assert.Equal(30, configured.Services.GetRequiredService<IOptions<HelpPortal.Feedback.RetentionOptions>>().Value.Days);
        var error = Assert.ThrowsAny<Exception>(() => invalid.CreateClient());
        Assert.Contains("Retention:Days", error.ToString());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
