using HelpPortal.Articles;
using Microsoft.AspNetCore.Localization;

namespace HelpPortal.Web.Reader;

/// <summary>
/// Remembers the language of the last language page visited, so <c>/</c> and the interactive widgets'
/// circuits (which start without a language in their path) know it.
/// </summary>
internal static class LanguageCookie
{
    private static readonly string Name = CookieRequestCultureProvider.DefaultCookieName;

    public static void Remember(HttpContext context, string lang)
    {
        var value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(lang));
        if (context.Request.Cookies[Name] == value)
        {
            return;
        }
        context.Response.Cookies.Append(Name, value, new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Secure = context.Request.IsHttps,
        });
    }

    /// <summary>Where <c>/</c> sends a visitor: the localization middleware already weighed cookie and Accept-Language.</summary>
    public static string PreferredLanguage(HttpContext context)
    {
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
        return PortalLanguage.OrDefault(culture?.TwoLetterISOLanguageName);
    }
}
