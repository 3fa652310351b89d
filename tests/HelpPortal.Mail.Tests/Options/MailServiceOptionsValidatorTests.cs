using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HelpPortal.Mail.Tests.Options;

public sealed class MailServiceOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreValid()
    {
        var result = new MailServiceOptionsValidator().Validate(null, MailServiceDefaults.Create());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("MailService:ProviderName", "", "MailService:ProviderName must not be empty")]
    [InlineData("MailService:Incoming:Host", "", "MailService:Incoming:Host must be a host name")]
    [InlineData("MailService:Incoming:Host", "imap example.se", "MailService:Incoming:Host must be a host name")]
    [InlineData("MailService:Outgoing:Host", "-smtp.example.se", "MailService:Outgoing:Host must be a host name")]
    [InlineData("MailService:Incoming:Port", "0", "MailService:Incoming:Port must be 1-65535")]
    [InlineData("MailService:Outgoing:Port", "70000", "MailService:Outgoing:Port must be 1-65535")]
    [InlineData("MailService:Incoming:Security", "Tls", "MailService:Incoming:Security must be SslOnConnect or StartTls")]
    [InlineData("MailService:Outgoing:Security", "1", "MailService:Outgoing:Security must be SslOnConnect or StartTls")]
    [InlineData("MailService:Limits:MailboxPerHour", "0", "MailService:Limits:MailboxPerHour must be a positive number")]
    [InlineData("MailService:Limits:DomainPerHour", "-5", "MailService:Limits:DomainPerHour must be a positive number")]
    [InlineData("MailService:Limits:BlockMinutes", "0", "MailService:Limits:BlockMinutes must be a positive number")]
    [InlineData("MailService:Aliases:0", "not a host", "MailService:Aliases:0 must be a host name")]
    [InlineData("MailService:TrustedRootCertificatePath", "no-such-ca.pem", "MailService:TrustedRootCertificatePath names a file that does not exist")]
    [InlineData("MailService:Dns:MxHosts:0", "mx 1.example.se", "MailService:Dns:MxHosts:0 must be a host name")]
    [InlineData("MailService:Dns:MxHosts:0", "192.0.2.10", "MailService:Dns:MxHosts:0 must be a host name")]
    [InlineData("MailService:Dns:SpfInclude", "spf example", "MailService:Dns:SpfInclude must be a domain name")]
    [InlineData("MailService:Dns:DkimSelectors:0", "sel_ector", "MailService:Dns:DkimSelectors:0 must be a selector")]
    [InlineData("MailService:Dns:Resolver", "dns.example.net", "MailService:Dns:Resolver must be an IP address")]
    [InlineData("MailService:Dns:Resolver", "127.0.0.1:99999", "MailService:Dns:Resolver must be an IP address")]
    public void EachBadValueNamesItsKey(string key, string value, string message)
    {
        var failure = StartWith(new() { [key] = value });

        Assert.NotNull(failure);
        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public void AFileThatIsNotAPemCertificateIsRefused()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "just some text");
        try
        {
            var failure = StartWith(new() { ["MailService:TrustedRootCertificatePath"] = path });

            Assert.NotNull(failure);
            Assert.Contains("MailService:TrustedRootCertificatePath must be a PEM certificate", failure.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void ForwardingTheClientAddressIsOnUnlessConfiguredOff(string? configured, bool expected)
    {
        var settings = new Dictionary<string, string?>();
        if (configured is not null)
        {
            settings["MailService:ForwardClientAddress"] = configured;
        }

        using var host = Build(settings);
        host.Start();

        Assert.Equal(expected, host.Services.GetRequiredService<MailServiceModel>().ForwardClientAddress);
    }

    [Fact]
    public void ConfiguredValuesReachTheModel()
    {
        using var ca = TestCertificates.CreateAuthority("HelpPortal Test CA");
        var path = Path.GetTempFileName();
        File.WriteAllText(path, ca.ExportCertificatePem());
        try
        {
            using var host = Build(new()
            {
                ["MailService:Incoming:Host"] = "imap.example.test",
                ["MailService:Incoming:Port"] = "143",
                ["MailService:Incoming:Security"] = "StartTls",
                ["MailService:Aliases:0"] = "mail.example.test",
                ["MailService:TrustedRootCertificatePath"] = path,
            });
            host.Start();
            var model = host.Services.GetRequiredService<MailServiceModel>();

            Assert.Equal(new MailServer("imap.example.test", 143, MailSecurity.StartTls), model.Incoming);
            Assert.Equal(MailServiceDefaults.Create().Outgoing.Host, model.Outgoing.Host);
            Assert.Equal(["mail.example.test"], model.Aliases);
            Assert.Equal(ca.Thumbprint, model.TrustedRoot?.Thumbprint);
            Assert.Same(model, host.Services.GetRequiredService<MailServiceModel>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ThePortalStartsWithTheDefaults()
    {
        using var host = Build([]);
        host.Start();

        var model = host.Services.GetRequiredService<MailServiceModel>();
        var defaults = MailServiceModel.FromOptions(MailServiceDefaults.Create());
        Assert.Equal(defaults.Placeholders(), model.Placeholders());
        Assert.Empty(model.Aliases);
        Assert.Null(model.TrustedRoot);
    }

    [Fact]
    public void ConfiguredDnsExpectationsReplaceTheProvidersInsteadOfAddingToThem()
    {
        using var host = Build(new()
        {
            ["MailService:Dns:MxHosts:0"] = "MX.Example.test.",
            ["MailService:Dns:SpfInclude"] = "_spf.example.test",
            ["MailService:Dns:Resolver"] = "127.0.0.1:10053",
        });
        host.Start();

        var dns = host.Services.GetRequiredService<MailServiceModel>().Dns;
        Assert.Equal(["mx.example.test"], dns.MxHosts);
        Assert.Equal("_spf.example.test", dns.SpfInclude);
        Assert.Equal(MailServiceDefaults.DkimSelectors, dns.DkimSelectors);
        Assert.Equal("127.0.0.1:10053", dns.Resolver?.ToString());
    }

    [Fact]
    public void WithoutConfigurationTheDomainCheckExpectsTheProvidersRecordsAndAsksTheSystemsResolver()
    {
        using var host = Build([]);
        host.Start();

        var dns = host.Services.GetRequiredService<MailServiceModel>().Dns;
        Assert.Equal(MailServiceDefaults.MxHosts, dns.MxHosts);
        Assert.Equal(MailServiceDefaults.SpfInclude, dns.SpfInclude);
        Assert.Null(dns.Resolver);
        Assert.IsType<Mail.DomainCheck.DomainChecker>(host.Services.GetRequiredService<Mail.DomainCheck.IDomainChecker>());
    }

    [Fact]
    public void TheEngineIsRegisteredUnderItsKey()
    {
        using var host = Build([]);

        var tester = host.Services.GetRequiredKeyedService<IMailTester>(Mail.Tester.MailKitMailTester.ServiceKey);

        Assert.IsType<Mail.Tester.MailKitMailTester>(tester);
    }

    private static OptionsValidationException? StartWith(Dictionary<string, string?> settings)
    {
        using var host = Build(settings);
        try
        {
            host.Start();
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e;
        }
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System); // the host's clock, which the engine runs on
        builder.Services.AddMailServiceModel();
        builder.Services.AddMailKitTester();
        builder.Services.AddDomainChecker();
        return builder.Build();
    }
}
