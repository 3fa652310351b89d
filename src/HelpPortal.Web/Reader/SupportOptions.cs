namespace HelpPortal.Web.Reader;

/// <summary>The <c>Support</c> configuration section: where "contact support" points.</summary>
public sealed class SupportOptions
{
    public const string SectionName = "Support";

    public string Url { get; set; } = "";
    public string Email { get; set; } = "";
}
