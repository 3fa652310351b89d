using System.Globalization;
using System.Xml.Linq;

namespace HelpPortal.Mail.Profiles;

/// <summary>
/// Thunderbird's autoconfig file (<c>config-v1.1.xml</c>), also read by K-9, FairEmail, Evolution and KMail.
/// The answer does not depend on the address asked about, so it cannot be used to find out which mailboxes exist.
/// </summary>
public static class ThunderbirdAutoconfig
{
    public static string Generate(MailServiceModel model)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("clientConfig",
                new XAttribute("version", "1.1"),
                new XElement("emailProvider",
                    new XAttribute("id", model.Incoming.Host),
                    new XElement("displayName", model.ProviderName),
                    new XElement("displayShortName", model.ProviderName),
                    Server("incomingServer", "imap", model.Incoming),
                    Server("outgoingServer", "smtp", model.Outgoing))));
        return ProfileXml.ToText(document);
    }

    /// <summary>The <c>socketType</c> word for a security mode.</summary>
    public static string SocketType(MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => "SSL",
        MailSecurity.StartTls => "STARTTLS",
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };

    private static XElement Server(string element, string type, MailServer server) =>
        new(element,
            new XAttribute("type", type),
            new XElement("hostname", server.Host),
            new XElement("port", server.Port.ToString(CultureInfo.InvariantCulture)),
            new XElement("socketType", SocketType(server.Security)),
            new XElement("authentication", "password-cleartext"),
            new XElement("username", "%EMAILADDRESS%"));
}
