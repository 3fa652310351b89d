using HelpPortal.Mail.DomainCheck;
using HelpPortal.Mail.Tester;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpPortal.Mail;

/// <summary>Service registration for the mail-service model and the MailKit tester.</summary>
public static class MailServiceRegistration
{
    /// <summary>
    /// Binds <c>MailService</c> over <see cref="MailServiceDefaults"/>, validates it at start-up and registers the
    /// <see cref="MailServiceModel"/> singleton built from it.
    /// </summary>
    public static IServiceCollection AddMailServiceModel(this IServiceCollection services)
    {
        services.AddOptions<MailServiceOptions>()
            .Configure(options => CopyDefaults(MailServiceDefaults.Create(), options))
            .BindConfiguration(MailServiceOptions.SectionName)
            .PostConfigure(options => MailServiceDefaults.FillDnsDefaults(options.Dns ??= new()))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailServiceOptions>, MailServiceOptionsValidator>());
        services.TryAddSingleton(sp => MailServiceModel.FromOptions(sp.GetRequiredService<IOptions<MailServiceOptions>>().Value));
        return services;
    }

    /// <summary>
    /// Registers <see cref="MailKitMailTester"/> as the keyed <see cref="IMailTester"/>
    /// <see cref="MailKitMailTester.ServiceKey"/> (the limits wrap it) and its <see cref="MailTesterTimeouts"/>.
    /// The engine runs on the host's <see cref="TimeProvider"/>, which the host registers.
    /// </summary>
    public static IServiceCollection AddMailKitTester(this IServiceCollection services)
    {
        services.AddOptions<MailTesterTimeouts>();
        services.AddKeyedSingleton<IMailTester, MailKitMailTester>(MailKitMailTester.ServiceKey);
        return services;
    }

    /// <summary>
    /// Registers the domain check: <see cref="IDomainChecker"/> asking the resolver of <c>MailService:Dns:Resolver</c>
    /// (or the system's) through DnsClient, with <see cref="DomainCheckTimeouts"/>.
    /// </summary>
    public static IServiceCollection AddDomainChecker(this IServiceCollection services)
    {
        services.AddOptions<DomainCheckTimeouts>();
        services.TryAddSingleton<IDnsLookup>(sp => new DnsClientLookup(
            sp.GetRequiredService<MailServiceModel>().Dns, sp.GetRequiredService<IOptions<DomainCheckTimeouts>>().Value.QueryTimeout));
        services.TryAddSingleton<IDomainChecker, DomainChecker>();
        return services;
    }

    private static void CopyDefaults(MailServiceOptions from, MailServiceOptions to)
    {
        to.ProviderName = from.ProviderName;
        to.Incoming = from.Incoming;
        to.Outgoing = from.Outgoing;
        to.Limits = from.Limits;
        to.TrustedRootCertificatePath = from.TrustedRootCertificatePath;
        to.Aliases = from.Aliases;
        // Left empty on purpose: binding appends to arrays, so the DNS defaults are filled in after binding.
        to.Dns = new DnsOptions();
        to.ForwardClientAddress = from.ForwardClientAddress;
    }
}
