namespace HelpPortal.Web.Composition;

internal static class MailComposition
{
    public static WebApplicationBuilder AddMailService(this WebApplicationBuilder builder)
    {
        return builder;
    }
}
