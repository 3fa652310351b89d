using System.Globalization;
using System.Net;

namespace HelpPortal.Mail.DomainCheck;

/// <summary>A domain ready to look up: its ASCII (punycode) form for DNS and its Unicode form for people.</summary>
public sealed record DomainName(string Ascii, string Unicode);

/// <summary>What the visitor typed, read as a domain, or the plain reason it cannot be one.</summary>
/// <summary>Why input was refused, for wording in the reader's language; <see cref="DomainInputResult.Error"/> says it in English.</summary>
public enum DomainInputProblem
{
    None,
    Empty,
    TooLong,
    ControlCharacters,
    Unreadable,
    Spaces,
    IpAddress,
    TrailingDot,
    EmptyLabel,
    Underscore,
    NameTooLong,
    LabelTooLong,
    BadCharacters,
    Localhost,
    SingleLabel,
    NotPublic,
}

public sealed record DomainInputResult(DomainName? Domain, string? Error)
{
    public bool IsValid => Domain is not null;
    public DomainInputProblem Problem { get; init; }
}

/// <summary>
/// Reads a domain check's input: a domain, an email address (the part after the last <c>@</c>) or a URL (its host).
/// International names are accepted and converted with IDNA. Anything that cannot be a public mail domain is refused
/// with a reason before any lookup is made: IP addresses, <c>localhost</c>, underscores, empty labels (<c>..</c>),
/// labels over 63 and names over 253 characters, control characters.
/// A single trailing dot is refused too: people do not type it, and a domain with one is the same domain without it,
/// so the reason says to leave it out rather than guessing which of two different inputs was meant.
/// </summary>
public static class DomainInput
{
    /// <summary>Longer input is refused before it is read any further (an email address is at most 254 characters).</summary>
    public const int MaxInputLength = 512;
    public const int MaxNameLength = 253;
    public const int MaxLabelLength = 63;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    public static DomainInputResult Parse(string? input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Fail(DomainInputProblem.Empty, "No domain was given. Type a domain such as example.se or an email address.");
        }
        if (text.Length > MaxInputLength)
        {
            return Fail(DomainInputProblem.TooLong, $"The text is longer than {MaxInputLength} characters; a domain is at most {MaxNameLength}.");
        }
        if (text.Any(char.IsControl))
        {
            return Fail(DomainInputProblem.ControlCharacters, "The text contains control characters (such as a line break or tab).");
        }

        var host = HostOf(text);
        if (host is null)
        {
            return Fail(DomainInputProblem.Unreadable, "The address could not be read. Type a domain such as example.se or an email address.");
        }
        return Check(host);
    }

    private static string? HostOf(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.IdnHost : null;
        }

        var at = text.LastIndexOf('@');
        if (at >= 0)
        {
            return at == text.Length - 1 ? null : text[(at + 1)..];
        }

        // "example.se/some/page" is a URL without its scheme; the host is before the first slash.
        var slash = text.IndexOfAny(['/', '?', '#']);
        return slash >= 0 ? text[..slash] : text;
    }

    private static DomainInputResult Check(string host)
    {
        if (host.Any(char.IsWhiteSpace))
        {
            return Fail(DomainInputProblem.Spaces, "A domain cannot contain spaces.");
        }
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out _) || host.Contains(':', StringComparison.Ordinal))
        {
            return Fail(DomainInputProblem.IpAddress, "That is an IP address (or has a port); the check needs the domain name, such as example.se.");
        }
        if (host.EndsWith('.'))
        {
            return Fail(DomainInputProblem.TrailingDot, "Leave out the dot at the end: example.se, not example.se.");
        }
        if (host.StartsWith('.') || host.Contains("..", StringComparison.Ordinal))
        {
            return Fail(DomainInputProblem.EmptyLabel, "The domain has an empty part (two dots in a row, or a dot at the start).");
        }
        if (host.Contains('_', StringComparison.Ordinal))
        {
            return Fail(DomainInputProblem.Underscore, "A domain cannot contain underscores (_).");
        }

        // Checked before IDNA so the reason names the real problem (IDNA refuses both with one error).
        if (host.Length > MaxNameLength)
        {
            return Fail(DomainInputProblem.NameTooLong, $"The domain is longer than {MaxNameLength} characters.");
        }
        if (host.Split('.').Any(label => label.Length > MaxLabelLength))
        {
            return Fail(DomainInputProblem.LabelTooLong, $"A part of the domain between dots is longer than {MaxLabelLength} characters.");
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(host.Normalize(System.Text.NormalizationForm.FormC)).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return Fail(DomainInputProblem.BadCharacters, "The domain contains characters that a domain name cannot have, or a part that is too long.");
        }

        if (ascii.Length > MaxNameLength)
        {
            return Fail(DomainInputProblem.NameTooLong, $"The domain is longer than {MaxNameLength} characters.");
        }
        var labels = ascii.Split('.');
        if (labels.Any(label => label.Length > MaxLabelLength))
        {
            return Fail(DomainInputProblem.LabelTooLong, $"A part of the domain between dots is longer than {MaxLabelLength} characters.");
        }
        if (labels.Length < 2)
        {
            return ascii == "localhost"
                ? Fail(DomainInputProblem.Localhost, "localhost is this computer, not a mail domain.")
                : Fail(DomainInputProblem.SingleLabel, "A domain has at least two parts, such as example.se.");
        }
        if (labels[^1] == "localhost" || labels[^1].All(char.IsAsciiDigit))
        {
            return Fail(DomainInputProblem.NotPublic, "That is not a public domain; type your own domain, such as example.se.");
        }

        return new DomainInputResult(new DomainName(ascii, Unicode(ascii)), null);
    }

    private static string Unicode(string ascii)
    {
        try
        {
            return Idn.GetUnicode(ascii);
        }
        catch (ArgumentException)
        {
            return ascii;
        }
    }

    private static DomainInputResult Fail(DomainInputProblem problem, string reason) => new(null, reason) { Problem = problem };
}
