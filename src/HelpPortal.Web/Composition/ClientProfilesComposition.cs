namespace HelpPortal.Web.Composition;

internal static class ClientProfilesComposition
{
    public static WebApplicationBuilder AddClientProfiles(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapClientProfiles(this WebApplication app)
    {
        return app;
    }
}
