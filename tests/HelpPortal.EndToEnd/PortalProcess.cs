using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HelpPortal.EndToEnd;

/// <summary>
/// The real portal as its own process on a free loopback port, with a fresh SQLite file, the repository's
/// content and the test mail servers. It runs the build output directly, from the project folder as
/// `dotnet run` would: the same program and settings, without MSBuild evaluating the project on every start.
/// Output is kept so a failure can show it.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PortalProcess(Process process, string baseUrl, string dataDirectory, IReadOnlyDictionary<string, string> environment)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
        Environment = environment;
    }

    public string BaseUrl { get; }
    public string DataDirectory { get; }
    public IReadOnlyDictionary<string, string> Environment { get; }
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    /// <param name="prepareAsync">Runs before the portal starts, with its environment: commands such as
    /// <c>add-user</c> set up the fresh store the way an operator would.</param>
    public static async Task<PortalProcess> StartAsync(
        IReadOnlyDictionary<string, string> settings,
        Func<IReadOnlyDictionary<string, string>, Task> prepareAsync,
        CancellationToken cancellationToken = default)
    {
        var port = FreePort();
        var dataDirectory = Directory.CreateTempSubdirectory("helpportal-e2e-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_NOLOGO"] = "1",
            ["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(dataDirectory, "portal.db")}",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        await prepareAsync(environment);

        var process = Start(["--urls", $"http://127.0.0.1:{port}"], environment);
        var portal = new PortalProcess(process, $"http://127.0.0.1:{port}", dataDirectory, environment);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await portal.WaitUntilHealthyAsync(cancellationToken);
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
        return portal;
    }

    /// <summary>Runs one of the portal's commands (listed in README.md, "Run it") with the given settings.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        string[] args, IReadOnlyDictionary<string, string> environment, string? standardInput = null)
    {
        using var process = Start(args, environment, redirectInput: true);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held for a moment is left to the OS's temp cleaning.
        }
    }

    private static Process Start(string[] args, IReadOnlyDictionary<string, string> environment, bool redirectInput = false)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Repository.WebAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/healthz", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"The portal did not become healthy:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Where the repository is, and which build configuration these tests came from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    public static string WebProject { get; } = Path.Combine(Root, "src", "HelpPortal.Web");

    /// <summary>The portal as built beside these tests (the project reference builds it first).</summary>
    public static string WebAssembly { get; } = FindWebAssembly();

    private static string FindWebAssembly()
    {
        var path = Path.Combine(WebProject, "bin", Configuration, "net10.0", "HelpPortal.Web.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} does not exist: build the solution (or this project) in {Configuration} first.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelpPortal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("HelpPortal.sln not found above the test binaries.");
    }
}
