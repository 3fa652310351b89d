namespace HelpPortal.Web.Tests.DomainCheck;

/// <summary>
/// The portal settings that point the domain check at the loopback NSD of <c>.ci/services/dns.sh</c> and expect the
/// fixture zones' provider (<c>provider.test</c>). Without that server the tests fail and say how to start it.
/// </summary>
internal static class TestDns
{
    private const string FolderVariable = "HELPPORTAL_DNS";

    public static Dictionary<string, string?> Settings(int checksPerMinute = 1000)
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } set ? set : "/var/lib/helpportal-test/dns";
        var file = Path.Combine(folder, "dns.env");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"The loopback DNS server is not set up: {file} does not exist. Run `sudo .ci/services/dns.sh`.");
        }
        var settings = File.ReadLines(file)
            .Where(line => line.StartsWith("MailService__", StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0].Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair[1]);
        settings["DomainCheck:ChecksPerClientPerMinute"] = checksPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }
}
