using HelpPortal.Mail;
using HelpPortal.Mail.Limits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Tests.Tester;

public sealed class MailTesterCompositionTests
{
    [Fact]
    public void TheTesterTheWidgetGetsChecksTheLimitsAroundTheMailKitEngine()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["MailTester:TestsPerClient"] = "7" });

        var tester = factory.Services.GetRequiredService<IMailTester>();

        Assert.IsType<LimitedMailTester>(tester);
        Assert.Equal(7, factory.Services.GetRequiredService<IOptions<MailTesterOptions>>().Value.TestsPerClient);
    }

    [Fact]
    public void AnInvalidLimitStopsStartUpWithTheKeyInTheMessage()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["MailTester:MaxConcurrentTests"] = "0" });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services.GetRequiredService<IMailTester>());

        Assert.Contains("MailTester:MaxConcurrentTests", error.ToString());
    }
}
