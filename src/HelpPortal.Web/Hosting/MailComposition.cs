using HelpPortal.Mail;
using HelpPortal.Web.ClientProfiles;
using HelpPortal.Web.Tester;

namespace HelpPortal.Web.Hosting;

internal static class MailComposition
{
    /// <summary>
    /// The validated <c>MailService</c> options and the model built from them, the MailKit tester engine (keyed
    /// <c>"mailkit"</c>; the limits wrap it), then the tester's limits and the client profiles.
    /// </summary>
    public static WebApplicationBuilder AddMailService(this WebApplicationBuilder builder)
    {
        builder.Services.AddMailServiceModel();
        builder.Services.AddMailKitTester();
        builder.AddMailTester();
        builder.AddClientProfiles();
        return builder;
    }
}
