using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace HelpPortal.Web.Reader;

/// <summary>
/// Takes the culture from the first path segment (<c>/sv/articles/...</c>). A re-executed status page
/// (<c>/not-found</c>) keeps the language of the URL that was not found.
/// </summary>
internal sealed class PathCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? httpContext.Request.Path.Value;
        var lang = PortalLanguage.FromPath(path);
        return Task.FromResult(lang is null ? null : new ProviderCultureResult(lang));
    }
}
