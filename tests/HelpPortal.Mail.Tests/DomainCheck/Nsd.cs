using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HelpPortal.Mail.DomainCheck;

namespace HelpPortal.Mail.Tests.DomainCheck;

/// <summary>
/// The real NSD that <c>.ci/services/dns.sh</c> starts on loopback, serving the zones in <c>Zones/</c> (one per
/// finding), as described by the settings file it writes. Without that file every test here fails and says how to
/// start it: a missing server must never look like a passing suite.
/// </summary>
public sealed class Nsd
{
    /// <summary>Names the state folder of the script; the default is the script's own default.</summary>
    public const string FolderVariable = "HELPPORTAL_DNS";
    private const string DefaultFolder = "/var/lib/helpportal-test/dns";

    /// <summary>The host name the tests' portal has: the zones' autoconfig and autodiscover point here.</summary>
    public const string PortalHost = "help.provider.test";

    public Nsd()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } set ? set : DefaultFolder;
        var file = Path.Combine(folder, "dns.env");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"The loopback DNS server is not set up: {file} does not exist. Run `sudo .ci/services/dns.sh` " +
                $"(after installing the packages in .ci/packages.txt), or set {FolderVariable} to the folder it used.");
        }

        Settings = File.ReadLines(file)
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        EndPoint = new IPEndPoint(IPAddress.Parse(Settings["DNS_ADDRESS"]), int.Parse(Settings["DNS_PORT"], CultureInfo.InvariantCulture));
        try
        {
            using var client = new TcpClient();
            client.Connect(EndPoint);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException(
                $"NSD does not answer on {EndPoint} ({e.SocketErrorCode}). Run `sudo .ci/services/dns.sh` to start it.", e);
        }
    }

    /// <summary>The lines of dns.env, including the <c>MailService__Dns__*</c> settings a portal would take.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>The model of the tests' provider (the zone <c>provider.test</c>), asking this NSD.</summary>
    public MailServiceModel Model(string? resolver = null) => TestProvider.Model(resolver ?? Settings["MailService__Dns__Resolver"]);

    /// <summary>The real lookup against this NSD (or another resolver), as the portal builds it.</summary>
    public static DnsClientLookup Lookup(MailServiceModel model, TimeSpan? queryTimeout = null) =>
        new(model.Dns, queryTimeout ?? TimeSpan.FromSeconds(2));
}

[CollectionDefinition(Name)]
public sealed class NsdCollection : ICollectionFixture<Nsd>
{
    public const string Name = "Real DNS server";
}

/// <summary>The provider the fixture zones expect: MX hosts, SPF include and servers under <c>provider.test</c>.</summary>
internal static class TestProvider
{
    public static MailServiceModel Model(string? resolver = null) => MailServiceModel.FromOptions(new MailServiceOptions
    {
        ProviderName = "Test provider",
        Incoming = new() { Host = "imap.provider.test", Port = 993, Security = "SslOnConnect" },
        Outgoing = new() { Host = "smtp.provider.test", Port = 465, Security = "SslOnConnect" },
        Limits = new() { MailboxPerHour = 300, DomainPerHour = 2000, BlockMinutes = 60 },
        Dns = new()
        {
            MxHosts = ["mx1.provider.test", "mx2.provider.test"],
            SpfInclude = "spf.provider.test",
            DkimSelectors = ["hp"],
            Resolver = resolver,
        },
    });
}
