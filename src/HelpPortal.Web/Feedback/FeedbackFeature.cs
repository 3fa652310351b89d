using HelpPortal.Feedback;
using HelpPortal.Mail.Limits;
using HelpPortal.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Feedback;

internal static class FeedbackFeature
{
    /// <summary>The rate-limiting policy on every public feedback write.</summary>
    public const string VotesRateLimitPolicy = "feedback-votes";

    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Read the settings when the first context is built, so test hosts and environment variables win.
        services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>((sp, options) =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            options.UsePortalStore(
                PortalStore.ParseProvider(configuration[PortalStore.ProviderKey]),
                configuration.GetConnectionString(PortalStore.ConnectionStringName),
                sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        });
        services.AddHostedService<StoreInitializer>();
        services.AddSingleton<PortalStoreHealthCheck>();
        services.AddSingleton<CachedHealthCheck<PortalStoreHealthCheck>>();
        services.AddHealthChecks().AddCheck<CachedHealthCheck<PortalStoreHealthCheck>>("store");
        services.AddSingleton<VoteStore>();
        services.AddSingleton<VoteReport>();
        services.AddSingleton<EscalationLog>();
        services.AddSingleton<ContentGapStore>();
        services.AddSingleton<ISearchLog, SearchLog>();
        services.AddSingleton<ITesterRunLog, TesterRunLog>();

        // Keys in the store: sign-ins, antiforgery tokens and visitor cookies survive restarts and are shared.
        services.AddDataProtection().SetApplicationName("HelpPortal").PersistKeysToDbContext<PortalDbContext>();

        services.AddSingleton<VisitorCookie>();
        services.AddPerClientLimit<FeedbackOptions>(VotesRateLimitPolicy,
            $"{FeedbackOptions.SectionName}:{nameof(FeedbackOptions.VotesPerClientPerMinute)}", o => o.VotesPerClientPerMinute);
        // Limits shared by every instance (the tester's, staff sign-in). On PostgreSQL (several instances) the counts live in the store and every instance shares them; one SQLite
        // instance counts in memory. Chosen when first used, so test hosts and environment variables decide.
        services.AddSingleton<ILimitCounter>(sp =>
            PortalStore.ParseProvider(sp.GetRequiredService<IConfiguration>()[PortalStore.ProviderKey]) == DatabaseProvider.Postgres
                ? new StoreBackedLimitCounter(new StoreLimitCounter(
                    sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>(), sp.GetRequiredService<TimeProvider>()))
                : new MemoryLimitCounter(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<VoteCasting>();
        services.AddSingleton<BestEffortWrites>();
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .Validate(o => o.Days > 0, $"{RetentionOptions.SectionName}:Days must be a positive number of days.")
            .ValidateOnStart();
        services.AddSingleton<StoreRetention>();
        services.AddHostedService<RetentionJob>();
        return builder;
    }

    public static WebApplication MapFeedback(this WebApplication app)
    {
        app.MapPost("/{lang}/articles/{slug}/feedback", VoteEndpoint.HandleAsync)
            .DisableAntiforgery() // no token in the cached page: SameOriginPost checks where the post comes from
            .RequireRateLimiting(VotesRateLimitPolicy);
        app.MapGet("/admin/feedback.csv", FeedbackCsvEndpoint.HandleAsync)
            .RequireAuthorization(StaffRoles.SupportLead);
        return app;
    }
}

/// <summary>The <c>Feedback</c> section of the configuration.</summary>
internal sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    public int VotesPerClientPerMinute { get; set; } = 20;
}
