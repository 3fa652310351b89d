using System.Xml;

namespace HelpPortal.Mail.Profiles;

/// <summary>The address from an Autodiscover request, or the reason the request was not understood.</summary>
public sealed record AutodiscoverRequestResult(string? EmailAddress, string? Error)
{
    public bool IsValid => EmailAddress is not null;
}

/// <summary>
/// Reads the POX request Outlook posts. The body comes from anyone on the internet, so the reader refuses DTDs
/// (no entity expansion, no external fetches) and stops at a fixed size.
/// </summary>
public static class AutodiscoverRequest
{
    /// <summary>A real request is a few hundred bytes; anything near this is not one.</summary>
    public const int MaxBytes = 64 * 1024;

    public static AutodiscoverRequestResult Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length == 0)
        {
            return Fail("The request body is empty; expected an Autodiscover XML request.");
        }
        if (body.Length > MaxBytes)
        {
            return Fail($"The request body is larger than {MaxBytes / 1024} KB.");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        string? address = null;
        string? schema = null;
        string? rootName = null;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                rootName ??= reader.LocalName;
                if (reader.LocalName == "EMailAddress" && address is null)
                {
                    address = reader.ReadElementContentAsString();
                }
                else if (reader.LocalName == "AcceptableResponseSchema" && schema is null)
                {
                    schema = reader.ReadElementContentAsString().Trim();
                }
            }
        }
        catch (XmlException ex)
        {
            return Fail(ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "The request contains a DTD, which is not allowed."
                : $"The request is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}).");
        }

        if (rootName != "Autodiscover")
        {
            return Fail("The request is not an Autodiscover request (the root element must be Autodiscover).");
        }
        if (schema is { Length: > 0 } && schema != OutlookAutodiscover.OutlookResponseSchema)
        {
            return Fail($"Only the response schema {OutlookAutodiscover.OutlookResponseSchema} is offered.");
        }
        if (address is null)
        {
            return Fail("The request has no EMailAddress element.");
        }
        var check = EmailAddressCheck.Check(address);
        return check.IsValid ? new AutodiscoverRequestResult(check.Address, null) : Fail($"EMailAddress: {check.Error}");
    }

    private static AutodiscoverRequestResult Fail(string error) => new(null, error);
}
