using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HelpPortal.Mail;

/// <summary>
/// Checks the <c>MailService</c> section at start-up; every failure names the full key to fix, so a bad
/// deployment stops with a message an operator can act on.
/// </summary>
public sealed partial class MailServiceOptionsValidator : IValidateOptions<MailServiceOptions>
{
    private const string Section = MailServiceOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MailServiceOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ProviderName))
        {
            failures.Add($"{Section}:ProviderName must not be empty");
        }

        CheckServer(failures, $"{Section}:Incoming", options.Incoming);
        CheckServer(failures, $"{Section}:Outgoing", options.Outgoing);
        CheckPositive(failures, $"{Section}:Limits:MailboxPerHour", options.Limits?.MailboxPerHour);
        CheckPositive(failures, $"{Section}:Limits:DomainPerHour", options.Limits?.DomainPerHour);
        CheckPositive(failures, $"{Section}:Limits:BlockMinutes", options.Limits?.BlockMinutes);

        var aliases = options.Aliases ?? [];
        for (var i = 0; i < aliases.Length; i++)
        {
            if (!IsHostName(aliases[i]))
            {
                failures.Add($"{Section}:Aliases:{i} must be a host name such as mail.example.com");
            }
        }

        CheckTrustedRoot(failures, options.TrustedRootCertificatePath);
        CheckDns(failures, options.Dns);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The security mode named by a configuration value, or null when it names none.</summary>
    public static MailSecurity? ParseSecurity(string? value) => value?.Trim() switch
    {
        { } v when v.Equals(nameof(MailSecurity.SslOnConnect), StringComparison.OrdinalIgnoreCase) => MailSecurity.SslOnConnect,
        { } v when v.Equals(nameof(MailSecurity.StartTls), StringComparison.OrdinalIgnoreCase) => MailSecurity.StartTls,
        _ => null,
    };

    /// <summary>A DNS name (letters, digits, hyphens, dots) or an IP address.</summary>
    public static bool IsHostName(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return false;
        }

        host = host.Trim().TrimEnd('.');
        return Uri.CheckHostName(host) is UriHostNameType.IPv4 or UriHostNameType.IPv6
            || (host.Length <= 253 && DnsName().IsMatch(host));
    }

    private static void CheckServer(List<string> failures, string key, MailServerOptions? server)
    {
        if (server is null)
        {
            failures.Add($"{key} is missing");
            return;
        }

        if (!IsHostName(server.Host))
        {
            failures.Add($"{key}:Host must be a host name such as mail.example.com");
        }

        if (server.Port is < 1 or > 65535)
        {
            failures.Add($"{key}:Port must be 1-65535");
        }

        if (ParseSecurity(server.Security) is null)
        {
            failures.Add($"{key}:Security must be SslOnConnect or StartTls");
        }
    }

    private static void CheckDns(List<string> failures, DnsOptions? dns)
    {
        const string key = $"{Section}:Dns";
        if (dns is null)
        {
            failures.Add($"{key} is missing");
            return;
        }

        var mxHosts = dns.MxHosts ?? [];
        if (mxHosts.Length == 0)
        {
            failures.Add($"{key}:MxHosts must name at least one MX host such as mx1.example.com");
        }
        for (var i = 0; i < mxHosts.Length; i++)
        {
            if (!IsDnsName(mxHosts[i]))
            {
                failures.Add($"{key}:MxHosts:{i} must be a host name such as mx1.example.com");
            }
        }

        // SPF records often live under an underscore label (_spf.example.com), which a host name cannot have.
        if (!IsDnsName(dns.SpfInclude?.Replace('_', 'u')))
        {
            failures.Add($"{key}:SpfInclude must be a domain name such as spf.example.com");
        }

        var selectors = dns.DkimSelectors ?? [];
        if (selectors.Length == 0)
        {
            failures.Add($"{key}:DkimSelectors must name at least one selector");
        }
        for (var i = 0; i < selectors.Length; i++)
        {
            if (!IsDnsName(selectors[i]))
            {
                failures.Add($"{key}:DkimSelectors:{i} must be a selector of letters, digits, hyphens and dots");
            }
        }

        if (!string.IsNullOrWhiteSpace(dns.Resolver) && DomainCheck.ResolverAddress.Parse(dns.Resolver) is null)
        {
            failures.Add($"{key}:Resolver must be an IP address with an optional port, such as 192.0.2.53 or [2001:db8::53]:5353");
        }
    }

    /// <summary>A DNS name of letters, digits and hyphens (no IP address), as MX hosts and SPF includes must be.</summary>
    private static bool IsDnsName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().TrimEnd('.') is { Length: <= 253 } trimmed
        && Uri.CheckHostName(trimmed) == UriHostNameType.Dns && DnsName().IsMatch(trimmed);

    private static void CheckPositive(List<string> failures, string key, int? value)
    {
        if (value is null or < 1)
        {
            failures.Add($"{key} must be a positive number");
        }
    }

    private static void CheckTrustedRoot(List<string> failures, string? path)
    {
        const string key = $"{Section}:TrustedRootCertificatePath";
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        if (!File.Exists(path))
        {
            failures.Add($"{key} names a file that does not exist: {path}");
            return;
        }

        try
        {
            var text = File.ReadAllText(path);
            if (!text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                failures.Add($"{key} must be a PEM certificate (-----BEGIN CERTIFICATE-----): {path}");
                return;
            }

            using var certificate = X509Certificate2.CreateFromPem(text);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            failures.Add($"{key} must be a readable PEM certificate: {path} ({e.Message})");
        }
    }

    // RFC 1123 labels: 1-63 letters, digits or hyphens, not starting or ending with a hyphen.
    [GeneratedRegex(@"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$")]
    private static partial Regex DnsName();
}
