namespace HelpPortal.Web.Composition;

internal static class MailTesterComposition
{
    /// <summary>The limits around the live tester and the tester the widget calls.</summary>
    public static WebApplicationBuilder AddMailTester(this WebApplicationBuilder builder)
    {
        return builder;
    }
}
