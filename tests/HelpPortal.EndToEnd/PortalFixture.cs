using Microsoft.Playwright;

namespace HelpPortal.EndToEnd;

/// <summary>
/// One portal process and one headless Chromium for the whole run (starting either per test would
/// dominate the run time). Each test opens its own browser contexts, so cookies never leak between them.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string LeadEmail = "lead@helpportal.test";
    public const string LeadPassword = "Lead-Password-1";

    private IPlaywright? _playwright;

    public PortalProcess Portal { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public TestMailServers Mail { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Mail = TestMailServers.Load();

        // The browser starts while the portal does: both take seconds, neither needs the other.
        // Both are kept even when the other fails, so DisposeAsync (which xunit still calls) ends them.
        var browser = LaunchChromiumAsync();
        try
        {
            Portal = await PortalProcess.StartAsync(Settings(), CreateSupportLeadAsync);
        }
        finally
        {
            Browser = await browser;
        }
    }

    public async Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled, string locale, ColorScheme colorScheme)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Portal.BaseUrl,
            JavaScriptEnabled = javaScriptEnabled,
            Locale = locale,
            ColorScheme = colorScheme,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }
    }

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(Mail.PortalSettings())
        {
            // Every browser in the run is the same client (127.0.0.1): the per-client limit of the tester is
            // raised so the journeys that run it never meet each other's quota. The limit has its own tests.
            ["MailTester__TestsPerClient"] = "50",
        };
        // The domain check asks the loopback NSD with the fixture zones.
        foreach (var (key, value) in TestDns.PortalSettings())
        {
            settings[key] = value;
        }
        return settings;
    }

    private static async Task CreateSupportLeadAsync(IReadOnlyDictionary<string, string> environment)
    {
        var (exitCode, output) = await PortalProcess.RunCommandAsync(
            ["add-user", LeadEmail, "--role", "SupportLead"], environment, LeadPassword);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"add-user failed ({exitCode}): {output}");
        }
    }

    private async Task<IBrowser> LaunchChromiumAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new()
        {
            // The machine's own Chromium: nothing here downloads a browser.
            ExecutablePath = System.Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from trying.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}

/// <summary>
/// A test in the shared portal's collection. The browser contexts it opens are closed when it ends, so the
/// one Chromium never piles up pages and tester circuits over the run.
/// </summary>
public abstract class PortalTest(PortalFixture fixture) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected PortalFixture Fixture => fixture;

    protected async Task<IPage> NewPageAsync(
        bool javaScriptEnabled = true, string locale = "en-GB", ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await fixture.NewContextAsync(javaScriptEnabled, locale, colorScheme);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
