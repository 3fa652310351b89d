namespace HelpPortal.EndToEnd;

/// <summary>
/// The loopback Dovecot and Postfix pair that <c>.ci/services/mailservers.sh</c> starts, read from the settings
/// file it writes. Without that file the whole run fails and says how to start the servers: a missing server
/// must never look like a passing suite.
/// </summary>
public sealed class TestMailServers
{
    public const string FolderVariable = "HELPPORTAL_MAILSERVERS";
    private const string DefaultFolder = "/var/lib/helpportal-test/mail";

    private readonly Dictionary<string, string> _settings;

    private TestMailServers(Dictionary<string, string> settings) => _settings = settings;

    public string GoodAddress => Get("GOOD_ADDRESS");
    public string GoodPassword => Get("GOOD_PASSWORD");
    public string SuspendedAddress => Get("SUSPENDED_ADDRESS");
    public string SuspendedPassword => Get("SUSPENDED_PASSWORD");
    public string DovecotLog => Get("DOVECOT_LOG");

    public static TestMailServers Load()
    {
        var folder = System.Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } set ? set : DefaultFolder;
        var file = Path.Combine(folder, "mailservers.env");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"The loopback mail servers are not set up: {file} does not exist. Run `sudo .ci/services/mailservers.sh` " +
                $"(after installing the packages in .ci/packages.txt), or set {FolderVariable} to the folder it used.");
        }

        var settings = File.ReadLines(file)
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.Ordinal);
        var servers = new TestMailServers(settings);
        if (servers.PortalSettings().Count == 0)
        {
            throw new InvalidOperationException($"{file} holds no MailService__* settings; run .ci/services/mailservers.sh again.");
        }
        return servers;
    }

    /// <summary>The portal's own configuration for these servers, ready to be passed as environment variables.</summary>
    public IReadOnlyDictionary<string, string> PortalSettings() =>
        _settings.Where(pair => pair.Key.StartsWith("MailService__", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    private string Get(string key) => _settings.TryGetValue(key, out var value)
        ? value
        : throw new InvalidOperationException($"mailservers.env has no {key}; run .ci/services/mailservers.sh again.");
}
