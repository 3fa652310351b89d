using HelpPortal.Web.Feedback;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Support;

/// <summary>"Still need help?": the consent page, the escalation count and where support is.</summary>
internal static class SupportFeature
{
    public static WebApplicationBuilder AddSupport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SupportOptions>, SupportOptionsValidator>();
        builder.Services.AddSingleton<EscalationContext>();
        return builder;
    }

    public static WebApplication MapSupport(this WebApplication app)
    {
        app.MapPost("/{lang}/support/send", SupportEndpoint.HandleAsync)
            .DisableAntiforgery() // validated inside, so a missing token gets a 400 with a reason
            .RequireRateLimiting(FeedbackFeature.VotesRateLimitPolicy)
            .ExcludeFromDescription();
        return app;
    }
}
