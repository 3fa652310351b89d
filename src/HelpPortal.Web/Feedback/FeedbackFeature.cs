using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Staff;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
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
        services.AddHostedService<PortalStoreInitializer>();
        services.AddSingleton<PortalStoreHealthCheck>();
        services.AddSingleton<CachedHealthCheck<PortalStoreHealthCheck>>();
        services.AddHealthChecks().AddCheck<CachedHealthCheck<PortalStoreHealthCheck>>("store");
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<VoteStore>();
        services.AddSingleton<ISearchLog, SearchLog>();
        services.AddSingleton<ITesterRunLog, TesterRunLog>();

        // Keys in the store: sign-ins, antiforgery tokens and visitor cookies survive restarts and are shared.
        services.AddDataProtection().SetApplicationName("HelpPortal").PersistKeysToDbContext<PortalDbContext>();

        services.AddOptions<FeedbackOptions>()
            .BindConfiguration(FeedbackOptions.SectionName)
            .Validate(o => o.VotesPerClientPerMinute > 0, $"{FeedbackOptions.SectionName}:VotesPerClientPerMinute must be a positive number.")
            .ValidateOnStart();
        services.AddSingleton<VisitorCookie>();
        services.AddSingleton<VoteCasting>();
        services.AddSingleton<BestEffortWrites>();
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .Validate(o => o.Days > 0, $"{RetentionOptions.SectionName}:Days must be a positive number of days.")
            .ValidateOnStart();
        services.AddSingleton<StoreRetention>();
        services.AddHostedService<RetentionJob>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A body of our own, so the status-code page does not answer a 429 with "not found".
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Too many requests from your network. Please wait a minute and try again.", cancellationToken);
            };
            options.AddPolicy(VotesRateLimitPolicy, http => ClientPartition.PerMinute(http,
                http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<FeedbackOptions>>().Value.VotesPerClientPerMinute));
        });

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.AddStaffIdentity();
        return builder;
    }

    /// <summary>Authentication, authorization and rate limiting: call after routing, before <c>UseAntiforgery</c>.</summary>
    public static WebApplication UseFeedback(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapFeedback(this WebApplication app)
    {
        app.MapPost("/{lang}/articles/{slug}/feedback", VoteEndpoint.HandleAsync)
            .DisableAntiforgery() // validated inside, so a missing token gets a 400 with a reason
            .RequireRateLimiting(VotesRateLimitPolicy);
        app.MapGet("/admin/feedback.csv", FeedbackCsvEndpoint.HandleAsync)
            .RequireAuthorization(StaffRoles.SupportLead);
        app.MapPost("/account/logout", StaffIdentity.SignOutAsync);
        return app;
    }
}

/// <summary>The <c>Feedback</c> section of the configuration.</summary>
internal sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    public int VotesPerClientPerMinute { get; set; } = 20;
}
