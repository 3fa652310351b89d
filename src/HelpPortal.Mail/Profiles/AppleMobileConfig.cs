using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace HelpPortal.Mail.Profiles;

/// <summary>
/// An Apple configuration profile (<c>.mobileconfig</c>) that adds one IMAP account to Mail on iOS, iPadOS and macOS.
/// It never holds a password: the device asks for it while installing. Identifiers and UUIDs are derived from the
/// address, so installing the profile again for the same address replaces the earlier one instead of adding a second.
/// </summary>
public static class AppleMobileConfig
{
    public const string ContentType = "application/x-apple-aspen-config";

    // Fixed namespace for the name-based UUIDs (RFC 9562 version 5); changing it would orphan installed profiles.
    private static readonly byte[] UuidNamespace = Convert.FromHexString("6f1c0a52d9a34c0e9a3b5e2f7d8c4b11");

    /// <param name="emailAddress">An address already accepted by <see cref="EmailAddressCheck"/>.</param>
    public static string Generate(MailServiceModel model, string emailAddress)
    {
        var key = emailAddress.ToLowerInvariant();
        var prefix = IdentifierPrefix(model);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];

        var account = Dict(
            ("EmailAccountDescription", String(model.ProviderName)),
            ("EmailAccountType", String("EmailTypeIMAP")),
            ("EmailAddress", String(emailAddress)),
            ("IncomingMailServerAuthentication", String("EmailAuthPassword")),
            ("IncomingMailServerHostName", String(model.Incoming.Host)),
            ("IncomingMailServerPortNumber", Integer(model.Incoming.Port)),
            // Mail negotiates STARTTLS by itself when SSL is on and the port is not an implicit-TLS one.
            ("IncomingMailServerUseSSL", new XElement("true")),
            ("IncomingMailServerUsername", String(emailAddress)),
            ("OutgoingMailServerAuthentication", String("EmailAuthPassword")),
            ("OutgoingMailServerHostName", String(model.Outgoing.Host)),
            ("OutgoingMailServerPortNumber", Integer(model.Outgoing.Port)),
            ("OutgoingMailServerUseSSL", new XElement("true")),
            ("OutgoingMailServerUsername", String(emailAddress)),
            ("OutgoingPasswordSameAsIncomingPassword", new XElement("true")),
            ("PayloadDescription", String($"Email account {emailAddress}")),
            ("PayloadDisplayName", String($"{model.ProviderName} ({emailAddress})")),
            ("PayloadIdentifier", String($"{prefix}.account.{hash}")),
            ("PayloadType", String("com.apple.mail.managed")),
            ("PayloadUUID", String(NameBasedUuid("account:" + key))),
            ("PayloadVersion", Integer(1)));

        var profile = Dict(
            ("PayloadContent", new XElement("array", account)),
            ("PayloadDescription", String($"Sets up {emailAddress} in Mail. You will be asked for the password.")),
            ("PayloadDisplayName", String($"{model.ProviderName} email")),
            ("PayloadIdentifier", String($"{prefix}.profile.{hash}")),
            ("PayloadOrganization", String(model.ProviderName)),
            ("PayloadRemovalDisallowed", new XElement("false")),
            ("PayloadType", String("Configuration")),
            ("PayloadUUID", String(NameBasedUuid("profile:" + key))),
            ("PayloadVersion", Integer(1)));

        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XDocumentType("plist", "-//Apple//DTD PLIST 1.0//EN", "http://www.apple.com/DTDs/PropertyList-1.0.dtd", null),
            new XElement("plist", new XAttribute("version", "1.0"), profile));
        return ProfileXml.ToText(document);
    }

    /// <summary>A download name without characters that trouble browsers or file systems.</summary>
    public static string FileName(MailServiceModel model)
    {
        var safe = new string(model.ProviderName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return (safe.Length > 0 ? safe : "mail") + "-email.mobileconfig";
    }

    /// <summary>A version 5 (SHA-1, name-based) UUID in upper case, the form Apple's own profiles use.</summary>
    public static string NameBasedUuid(string name)
    {
        var input = UuidNamespace.Concat(Encoding.UTF8.GetBytes(name)).ToArray();
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5; this is an identifier, not security.
        var bytes = SHA1.HashData(input)[..16];
#pragma warning restore CA5350
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexString(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>A reverse-DNS prefix from the incoming server's name, for example <c>com.example.imap</c>.</summary>
    private static string IdentifierPrefix(MailServiceModel model) =>
        string.Join('.', model.Incoming.Host.ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries).Reverse());

    private static XElement Dict(params (string Key, XElement Value)[] entries) =>
        new("dict", entries.SelectMany(e => new object[] { new XElement("key", e.Key), e.Value }));

    private static XElement String(string value) => new("string", value);

    private static XElement Integer(int value) => new("integer", value.ToString(CultureInfo.InvariantCulture));
}
