using System.Globalization;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace HelpPortal.Mail.Tester;

/// <summary>What the tester learned about a server's certificate; <see cref="Diagnosis"/> is null when it is good.</summary>
internal sealed record CertificateReport(string? Diagnosis, string Subject, string Issuer, DateTimeOffset NotAfter, string Problem)
{
    public bool ExpiresSoon(DateTimeOffset now) => Diagnosis is null && NotAfter - now < TimeSpan.FromDays(14);

    public string Describe(SslProtocols protocol) => string.Create(CultureInfo.InvariantCulture,
        $"{ProtocolName(protocol)}; certificate {Subject}, issued by {Issuer}, valid until {NotAfter:yyyy-MM-dd}");

    private static string ProtocolName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
        SslProtocols.None => "TLS",
        _ => protocol.ToString(),
    };
}

/// <summary>
/// Classifies a server certificate for the mail servers only: system trust, plus the one configured extra CA
/// through a custom chain (never a process-wide override).
/// </summary>
internal sealed class CertificateInspector(X509Certificate2? extraRoot, TimeProvider time)
{
    public CertificateReport Inspect(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return new(Diagnosis.TlsUntrustedCertificate, "(none)", "(none)", DateTimeOffset.MinValue,
                "the server sent no certificate");
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var notBefore = new DateTimeOffset(leaf.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime());
        var report = new CertificateReport(null, leaf.Subject, leaf.Issuer, notAfter, "");
        var now = time.GetUtcNow();
        if (now < notBefore || now > notAfter)
        {
            return report with
            {
                Diagnosis = Diagnosis.TlsExpired,
                Problem = string.Create(CultureInfo.InvariantCulture,
                    $"the certificate is valid from {notBefore:yyyy-MM-dd} to {notAfter:yyyy-MM-dd}"),
            };
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) && !TrustedByExtraRoot(leaf, chain))
        {
            return report with { Diagnosis = Diagnosis.TlsUntrustedCertificate, Problem = "the certificate is not signed by a trusted authority" };
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return report with { Diagnosis = Diagnosis.TlsNameMismatch, Problem = "the certificate is made out to another host name" };
        }

        return report;
    }

    private bool TrustedByExtraRoot(X509Certificate2 leaf, X509Chain? presented)
    {
        if (extraRoot is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(extraRoot);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        if (presented is not null)
        {
            // Intermediates the server sent; the leaf itself is skipped.
            foreach (var element in presented.ChainElements.Skip(1))
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }
}
