using System.Globalization;
using System.Xml.Linq;

namespace HelpPortal.Mail.Profiles;

/// <summary>Outlook's "plain old XML" Autodiscover answer: one IMAP and one SMTP account for the address asked about.</summary>
public static class OutlookAutodiscover
{
    public const string ResponseNamespace = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    public const string OutlookResponseSchema = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
    public const string RequestNamespace = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";

    /// <param name="emailAddress">An address already accepted by <see cref="EmailAddressCheck"/>.</param>
    public static string Generate(MailServiceModel model, string emailAddress)
    {
        XNamespace root = ResponseNamespace;
        XNamespace outlook = OutlookResponseSchema;
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(root + "Autodiscover",
                new XElement(outlook + "Response",
                    new XElement(outlook + "Account",
                        new XElement(outlook + "AccountType", "email"),
                        new XElement(outlook + "Action", "settings"),
                        Protocol(outlook, "IMAP", model.Incoming, emailAddress),
                        Protocol(outlook, "SMTP", model.Outgoing, emailAddress)))));
        return ProfileXml.ToText(document);
    }

    /// <summary>
    /// The <c>Encryption</c> word: <c>SSL</c> for TLS from the first byte, <c>TLS</c> for STARTTLS. <c>SSL</c> stays
    /// <c>on</c> in both cases, since it means "encrypt" to Outlook and <c>Encryption</c> picks how.
    /// </summary>
    public static string Encryption(MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => "SSL",
        MailSecurity.StartTls => "TLS",
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };

    private static XElement Protocol(XNamespace ns, string type, MailServer server, string emailAddress) =>
        new(ns + "Protocol",
            new XElement(ns + "Type", type),
            new XElement(ns + "Server", server.Host),
            new XElement(ns + "Port", server.Port.ToString(CultureInfo.InvariantCulture)),
            new XElement(ns + "DomainRequired", "off"),
            new XElement(ns + "LoginName", emailAddress),
            new XElement(ns + "SPA", "off"),
            new XElement(ns + "SSL", "on"),
            new XElement(ns + "Encryption", Encryption(server.Security)),
            new XElement(ns + "AuthRequired", "on"));
}
