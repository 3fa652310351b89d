namespace HelpPortal.Web.Composition;

internal static class FeedbackComposition
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapFeedback(this WebApplication app)
    {
        return app;
    }
}
