using HelpPortal.Mail;

namespace HelpPortal.Web.Hosting;

internal static class MailComposition
{
    /// <summary>
    /// The validated <c>MailService</c> options and the one model built from them, which the widgets, the
    /// articles' placeholders, the tester and the client profiles all read.
    /// </summary>
    public static WebApplicationBuilder AddMailService(this WebApplicationBuilder builder)
    {
        builder.Services.AddMailServiceModel();
        return builder;
    }
}
