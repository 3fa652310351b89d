namespace HelpPortal.EndToEnd;

/// <summary>
/// The loopback NSD that <c>.ci/services/dns.sh</c> starts with the domain check's fixture zones, read from the
/// settings file it writes: the portal in the browser tests asks it, and expects the zones' provider.
/// </summary>
public static class TestDns
{
    public const string FolderVariable = "HELPPORTAL_DNS";
    private const string DefaultFolder = "/var/lib/helpportal-test/dns";

    /// <summary>The <c>MailService__Dns__*</c> settings, ready to be passed as environment variables.</summary>
    public static IReadOnlyDictionary<string, string> PortalSettings()
    {
        var folder = System.Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } set ? set : DefaultFolder;
        var file = Path.Combine(folder, "dns.env");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"The loopback DNS server is not set up: {file} does not exist. Run `sudo .ci/services/dns.sh` " +
                $"(after installing the packages in .ci/packages.txt), or set {FolderVariable} to the folder it used.");
        }
        return File.ReadLines(file)
            .Where(line => line.StartsWith("MailService__", StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.Ordinal);
    }
}
