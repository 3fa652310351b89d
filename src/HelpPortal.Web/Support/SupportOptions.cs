using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Support;

/// <summary>
/// The <c>Support</c> configuration section: where "contact support" points. <see cref="Url"/> may carry the
/// placeholders of <see cref="EscalationFields"/>; without any, the consented fields are appended as query parameters.
/// </summary>
public sealed class SupportOptions
{
    public const string SectionName = "Support";

    public string Url { get; set; } = "";
    public string Email { get; set; } = "";
}

/// <summary>Refuses at start a support address a reader could not be sent to, naming the key to fix.</summary>
internal sealed class SupportOptionsValidator : IValidateOptions<SupportOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Url))
        {
            if (SupportLink.UnknownPlaceholder(options.Url) is { } unknown)
            {
                errors.Add($"{SectionName}:Url has the placeholder {{{unknown}}}; known are {string.Join(", ", EscalationFields.All.Select(f => "{" + f + "}"))}.");
            }
            else if (!Uri.TryCreate(SupportLink.Fill(options.Url, EscalationValues.None), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("https" or "http"))
            {
                errors.Add($"{SectionName}:Url must be an absolute http or https address, not '{options.Url}'.");
            }
        }
        if (!string.IsNullOrWhiteSpace(options.Email)
            && (!MailAddress.TryCreate(options.Email, out var address) || address.Address != options.Email || options.Email.IndexOfAny(['?', '&', '#', '/']) >= 0))
        {
            errors.Add($"{SectionName}:Email must be a plain email address, not '{options.Email}'.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private const string SectionName = SupportOptions.SectionName;
}
