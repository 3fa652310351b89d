namespace HelpPortal.Web.Composition;

internal static class ClientProfilesComposition
{
    public static WebApplication MapClientProfiles(this WebApplication app)
    {
        return app;
    }
}
