using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace HelpPortal.Mail.Profiles;

/// <summary>Writes the profile documents the same way: UTF-8, indented, LF line ends, so golden files stay stable.</summary>
internal static class ProfileXml
{
    public static string ToText(XDocument document)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
