using System.Net;

namespace HelpPortal.Web.Tests.Layout;

/// <summary>A page without an interactive island carries nothing of the framework's; one with the tester keeps it.</summary>
public sealed class PlainPagesTests(PlainPagesTests.Portal portal) : IClassFixture<PlainPagesTests.Portal>
{
    public sealed class Portal : IDisposable
    {
        public PortalFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData("/en/articles/use-webmail")]
    [InlineData("/en")]
    [InlineData("/sv/categories/email")]
    [InlineData("/en/search?q=password")]
    [InlineData("/account/login")]
    public async Task APageWithoutAnIslandHasNoFrameworkScriptNoStateAndNoToken(string url)
    {
        var response = await portal.Factory.CreateClient().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script src=\"_framework/blazor.web.", html);
        Assert.DoesNotContain("Blazor-Server-Component-State", html);
        Assert.DoesNotContain("components-reconnect-modal", html);
        if (url != "/account/login")
        {
            // The sign-in form keeps its antiforgery token; reader pages have none to hand out.
            Assert.DoesNotContain("RequestVerificationToken", html);
            Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
                c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheArticleWithTheTesterLoadsTheFrameworkAndItsState()
    {
        var html = await portal.Factory.CreateClient().GetStringAsync("/en/articles/troubleshooting-email");

        Assert.Contains("<script src=\"_framework/blazor.web.", html);
        Assert.Contains("<!--Blazor-Server-Component-State:", html);
        Assert.Contains("components-reconnect-modal", html);
    }

    [Fact]
    public async Task AMissingArticleIsAPlain404()
    {
        var response = await portal.Factory.CreateClient().GetAsync("/en/articles/no-such-article");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<script src=\"_framework/blazor.web.", html);
    }
}
