namespace HelpPortal.Web.Composition;

internal static class SearchComposition
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        return app;
    }
}
