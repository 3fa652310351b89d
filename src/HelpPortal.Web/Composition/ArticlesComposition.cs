namespace HelpPortal.Web.Composition;

internal static class ArticlesComposition
{
    public static WebApplicationBuilder AddArticles(this WebApplicationBuilder builder)
    {
        return builder;
    }
}
