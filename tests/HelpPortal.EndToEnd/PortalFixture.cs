using Microsoft.Playwright;

namespace HelpPortal.EndToEnd;

/// <summary>
/// One portal process and one headless Chromium for the whole run (starting either per test would
/// dominate the run time). Each test opens its own browser context, so cookies never leak between them.
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
        Portal = await PortalProcess.StartAsync(Mail.PortalSettings());
        var (exitCode, output) = await Portal.RunCommandAsync(["add-user", LeadEmail, "--role", "SupportLead"], LeadPassword);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"add-user failed ({exitCode}): {output}");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
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

    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true, string locale = "en-GB", ColorScheme colorScheme = ColorScheme.Light)
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
        return await context.NewPageAsync();
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
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
