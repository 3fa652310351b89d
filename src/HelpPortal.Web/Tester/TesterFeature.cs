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
        // On PostgreSQL (several instances) the counts live in the store and every instance shares them; one SQLite
        // instance counts in memory. Chosen when first used, so test hosts and environment variables decide.
        builder.Services.AddSingleton<ILimitCounter>(sp =>
            PortalStore.ParseProvider(sp.GetRequiredService<IConfiguration>()[PortalStore.ProviderKey]) == DatabaseProvider.Postgres
                ? new StoreBackedLimitCounter(new StoreLimitCounter(
                    sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>(), sp.GetRequiredService<TimeProvider>()))
                : new MemoryLimitCounter(sp.GetRequiredService<TimeProvider>()));
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
