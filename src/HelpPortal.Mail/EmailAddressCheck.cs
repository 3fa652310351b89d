using MimeKit;

namespace HelpPortal.Mail;

/// <summary>The outcome of checking an address a visitor typed: the address to use, or why it is not usable.</summary>
public sealed record EmailAddressCheckResult(string? Address, string? Error)
{
    public bool IsValid => Address is not null;
}

/// <summary>
/// Decides whether text is one plain email address (<c>name@example.com</c>), as mail programs expect a username:
/// the one check behind the tester (widget and engine), the client profiles and the add-user command.
/// </summary>
public static class EmailAddressCheck
{
    /// <summary>RFC 5321 caps a forward path at 254 characters.</summary>
    public const int MaxLength = 254;

    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
    };

    public static EmailAddressCheckResult Check(string? input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Fail("No email address was given.");
        }
        if (text.Length > MaxLength)
        {
            return Fail($"The email address is longer than {MaxLength} characters.");
        }
        // MimeKit alone accepts display names, groups and routes; a username must be the bare address.
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or ',' or ';' or '(' or ')' or '[' or ']' or '\\'))
        {
            return Fail("The email address contains characters that do not belong in an address.");
        }
        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1)
        {
            return Fail("An email address has the form name@example.com.");
        }
        var domain = text[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal)
            || domain.Split('.').Any(label => label.StartsWith('-') || label.EndsWith('-')))
        {
            return Fail("The part after @ must be a domain such as example.com.");
        }
        if (!MailboxAddress.TryParse(Strict, text, out var mailbox) || !string.Equals(mailbox.Address, text, StringComparison.Ordinal))
        {
            return Fail("The email address is not valid.");
        }
        return new EmailAddressCheckResult(text, null);
    }

    private static EmailAddressCheckResult Fail(string error) => new(null, error);
}
