using HelpPortal.Feedback;
using HelpPortal.Mail;
using HelpPortal.Mail.Limits;
using HelpPortal.Mail.Tester;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Tester;

internal static class TesterFeature
{
    /// <summary>The MailKit engine (keyed <c>"mailkit"</c>), the limits around it, and the tester the widget calls.</summary>
    public static WebApplicationBuilder AddMailTester(this WebApplicationBuilder builder)
    {
        builder.Services.AddMailKitTester();
        builder.Services.AddOptions<MailTesterOptions>()
            .BindConfiguration(MailTesterOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MailTesterOptions>, MailTesterOptionsValidator>();
        builder.Services.AddSingleton<MailTesterLimits>();
        builder.Services.AddSingleton<IMailTester>(sp => new LimitedMailTester(
            sp.GetRequiredKeyedService<IMailTester>(MailKitMailTester.ServiceKey),
            sp.GetRequiredService<MailTesterLimits>(),
            sp.GetRequiredService<ILogger<LimitedMailTester>>(),
            sp.GetRequiredService<ITesterRunLog>().RecordAsync));

        // The widget learns the client IP from the page request it was prerendered in (see MailTesterWidget).
        builder.Services.AddHttpContextAccessor();
        return builder;
    }
}
