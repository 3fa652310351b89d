using HelpPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Support;

/// <summary>
/// On the support page: its form is answered with a redirect to the support form's origin or to a
/// <c>mailto:</c>, which the Content-Security-Policy must allow (and allows nowhere else).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class SupportFormActionsAttribute : Attribute, IFormActionSources
{
    public IEnumerable<string> Sources(HttpContext context)
    {
        var support = context.RequestServices.GetRequiredService<IOptions<SupportOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(support.Url)
            && Uri.TryCreate(SupportLink.Fill(support.Url, EscalationValues.None), UriKind.Absolute, out var url))
        {
            yield return url.GetLeftPart(UriPartial.Authority);
        }
        if (!string.IsNullOrWhiteSpace(support.Email))
        {
            yield return "mailto:";
        }
    }
}
