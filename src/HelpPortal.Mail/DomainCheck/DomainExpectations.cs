using System.Net;

namespace HelpPortal.Mail.DomainCheck;

/// <summary>
/// What a customer's domain must publish to use the provider (from <c>MailService:Dns</c>), and the one resolver the
/// domain check asks. Host names are kept lower case without a trailing dot, as they are compared.
/// </summary>
public sealed record DomainExpectations(IReadOnlyList<string> MxHosts, string SpfInclude, IReadOnlyList<string> DkimSelectors)
{
    /// <summary>The configured resolver, or null for the system's resolvers. Never chosen by a visitor.</summary>
    public IPEndPoint? Resolver { get; init; }

    /// <summary>The provider's defaults (<see cref="MailServiceDefaults"/>) with the system's resolvers.</summary>
    public static DomainExpectations Default { get; } = FromOptions(MailServiceDefaults.Create().Dns);

    /// <summary>Builds the expectations from options that passed <see cref="MailServiceOptionsValidator"/>.</summary>
    public static DomainExpectations FromOptions(DnsOptions options) =>
        new([.. options.MxHosts.Select(Normalize)], Normalize(options.SpfInclude), [.. options.DkimSelectors.Select(Normalize)])
        {
            Resolver = ResolverAddress.Parse(options.Resolver),
        };

    /// <summary>Whether <paramref name="host"/> is one of the provider's MX hosts.</summary>
    public bool IsOurMxHost(string host) => MxHosts.Contains(Normalize(host), StringComparer.Ordinal);

    /// <summary>Lower case, no trailing dot: how DNS names are compared.</summary>
    public static string Normalize(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();
}
