using System.Text;
using HelpPortal.Mail.Tester;
using HelpPortal.Mail.Tests.Tester;
using Microsoft.Extensions.Logging;

namespace HelpPortal.Mail.Tests.Integration;

/// <summary>With logging turned all the way up, a real conversation still leaves the password nowhere.</summary>
[Collection(MailServersCollection.Name)]
public sealed class SecrecyTests(MailServers servers)
{
    [Fact]
    public async Task ThePasswordAppearsInNoLogOutputOfAFailingAndAWorkingTestAtTraceLevel()
    {
        var recorder = new RecordingLogger();
        using var factory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new RecordingProvider(recorder)));
        var tester = MailServers.Tester(servers.Model(), factory.CreateLogger<MailKitMailTester>());
        // A wrong password that shares the real one's tail, so a partly masked secret would show too.
        var wrongPassword = "Wrong-" + servers.GoodPassword;

        var failing = await RealRun.StartAsync(tester, servers.GoodAddress, wrongPassword);
        var working = await RealRun.StartAsync(tester, servers.GoodAddress, servers.GoodPassword, send: true);

        failing.AssertEndsWith(Diagnosis.AuthFailed, "imap-auth");
        working.AssertEndsWith(Diagnosis.Ok, null);
        Assert.Contains(recorder.Entries, entry => entry.Contains("Mail test finished: ok", StringComparison.Ordinal));
        Assert.Contains(recorder.Entries, entry => entry.Contains("auth-failed", StringComparison.Ordinal));
        var shown = recorder.Entries
            .Concat([failing.ToString(), working.ToString(), failing.Result.ToString(), working.Result.ToString()])
            .Concat(failing.Reported.Concat(working.Reported).Select(step => $"{step} {step.Detail} {step.ServerReply}"));
        foreach (var password in new[] { wrongPassword, servers.GoodPassword })
        {
            foreach (var text in shown)
            {
                foreach (var secret in SecretForms(servers.GoodAddress, password))
                {
                    Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
                }
            }
        }
    }

    // The password itself and how SASL PLAIN puts it on the wire.
    private static IEnumerable<string> SecretForms(string address, string password) =>
    [
        password,
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{address}\0{password}")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{address}\0{address}\0{password}")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(password)),
    ];

    private sealed class RecordingProvider(RecordingLogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
