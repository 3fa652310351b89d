using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace HelpPortal.Web.Feedback;

/// <summary>
/// The anonymous visitor id behind "one vote per visitor per article": 128 random bits, nothing personal.
/// Protected with Data Protection so a client cannot pick another visitor's id.
/// </summary>
internal sealed class VisitorCookie(IDataProtectionProvider protection)
{
    public const string Name = "hp_visitor";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(400);
    private readonly IDataProtector _protector = protection.CreateProtector("HelpPortal.Feedback.Visitor.v1");

    /// <summary>The visitor's id; a new visitor (or a tampered cookie) gets a new one, set on the response.</summary>
    public string GetOrIssue(HttpContext http) => Identify(http).Id;

    /// <summary>As <see cref="GetOrIssue"/>, and whether the id was issued just now (the request had no valid cookie).</summary>
    public (string Id, bool IsNew) Identify(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(Name, out var value) && TryRead(value, out var id))
        {
            return (id, false);
        }
        id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(Name, _protector.Protect(id), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = Lifetime,
            Path = "/",
        });
        return (id, true);
    }

    /// <summary>The visitor's id when the request carries a valid cookie; never issues one.</summary>
    public string? Find(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Name, out var value) && TryRead(value, out var id) ? id : null;

    private bool TryRead(string value, out string id)
    {
        id = "";
        if (value.Length > 512)
        {
            return false;
        }
        try
        {
            id = _protector.Unprotect(value);
            return id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
