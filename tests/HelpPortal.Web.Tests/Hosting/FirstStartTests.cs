using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpPortal.Web.Tests.Hosting;

/// <summary>The first start on a machine: an empty data folder, a store that does not exist yet.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task AFirstStartOnAnEmptyStoreReportsNoErrorAndServesAnArticle()
    {
        var logs = new CapturingLoggerProvider();
        using var root = new PortalFactory();
        using var factory = root.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));
        using var client = factory.CreateClient();

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var article = await client.GetAsync(new Uri("/en/articles/troubleshooting-email", UriKind.Relative));

        Assert.True(health.IsSuccessStatusCode, $"healthz answered {(int)health.StatusCode}");
        Assert.True(article.IsSuccessStatusCode, $"the article answered {(int)article.StatusCode}");
        Assert.Empty(logs.Errors());
    }
}
