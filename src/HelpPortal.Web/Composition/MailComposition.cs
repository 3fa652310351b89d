using HelpPortal.Mail;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Composition;

internal static class MailComposition
{
    public static WebApplicationBuilder AddMailService(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailServiceOptions>()
            .Configure(options => Copy(MailServiceDefaults.Create(), options))
            .BindConfiguration(MailServiceOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => ToModel(sp.GetRequiredService<IOptions<MailServiceOptions>>().Value));
        builder.AddMailTester();
        builder.AddClientProfiles();
        return builder;
    }

    private static void Copy(MailServiceOptions from, MailServiceOptions to)
    {
        to.ProviderName = from.ProviderName;
        to.Incoming = from.Incoming;
        to.Outgoing = from.Outgoing;
        to.Limits = from.Limits;
    }

    private static MailServiceModel ToModel(MailServiceOptions o) => new(
        o.ProviderName,
        new MailServer(o.Incoming.Host, o.Incoming.Port, Enum.Parse<MailSecurity>(o.Incoming.Security)),
        new MailServer(o.Outgoing.Host, o.Outgoing.Port, Enum.Parse<MailSecurity>(o.Outgoing.Security)),
        new SendingLimits(o.Limits.MailboxPerHour, o.Limits.DomainPerHour, o.Limits.BlockMinutes));
}
