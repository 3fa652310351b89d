using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using HelpPortal.Mail;

namespace HelpPortal.Mail.Tests.Profiles;

/// <summary>A made-up provider, so the golden files do not change when the shipped defaults do.</summary>
internal static class ProfileFixture
{
    public static readonly MailServiceModel Model = new(
        "Example Mail",
        new MailServer("imap.example.test", 993, MailSecurity.SslOnConnect),
        new MailServer("smtp.example.test", 465, MailSecurity.SslOnConnect),
        new SendingLimits(300, 2000, 60));

    public static readonly MailServiceModel StartTlsModel = Model with
    {
        Incoming = Model.Incoming with { Port = 143, Security = MailSecurity.StartTls },
        Outgoing = Model.Outgoing with { Port = 587, Security = MailSecurity.StartTls },
    };

    public static string Golden(string name, [CallerFilePath] string callerPath = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name)).ReplaceLineEndings("\n");

    public static XDocument ParseXml(string text) => XDocument.Parse(text);

    /// <summary>Reads a plist the way a device would: dict, array, string, integer and booleans.</summary>
    public static object ParsePlist(string text)
    {
        // Ignoring the DTD drops the DOCTYPE node, so check it in the text; the plist DTD is never fetched.
        Assert.Contains("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\"", text, StringComparison.Ordinal);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var document = XDocument.Load(reader);
        Assert.Equal("plist", document.Root!.Name.LocalName);
        return PlistValue(Assert.Single(document.Root.Elements()));
    }

    private static object PlistValue(XElement element) => element.Name.LocalName switch
    {
        "dict" => PlistDict(element),
        "array" => element.Elements().Select(PlistValue).ToList(),
        "string" => element.Value,
        "integer" => int.Parse(element.Value, System.Globalization.CultureInfo.InvariantCulture),
        "true" => true,
        "false" => false,
        var other => throw new InvalidDataException($"unexpected plist element {other}"),
    };

    private static Dictionary<string, object> PlistDict(XElement dict)
    {
        var children = dict.Elements().ToList();
        Assert.True(children.Count % 2 == 0, "a dict holds key/value pairs");
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < children.Count; i += 2)
        {
            Assert.Equal("key", children[i].Name.LocalName);
            result.Add(children[i].Value, PlistValue(children[i + 1]));
        }
        return result;
    }
}
