using HelpPortal.Feedback;
using HelpPortal.Mail;
using HelpPortal.Mail.Limits;
using HelpPortal.Mail.Tester;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Tester;

internal static class TesterFeature
{
    /// <summary>The limits around the live tester and the tester the widget calls.</summary>
    public static WebApplicationBuilder AddMailTester(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailTesterOptions>()
            .BindConfiguration(MailTesterOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MailTesterOptions>, MailTesterOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
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
            (diagnosis, ct) => RecordAsync(sp, diagnosis, ct)));

        // The widget learns the client IP from the page request it was prerendered in (see MailTesterWidget).
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        return builder;
    }

    // The run log is a scoped EF Core store in the feedback area, and optional: without it nothing is counted.
    private static async Task RecordAsync(IServiceProvider services, string diagnosis, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ITesterRunLog>() is { } log)
        {
            await log.RecordAsync(diagnosis, cancellationToken);
        }
    }
}
