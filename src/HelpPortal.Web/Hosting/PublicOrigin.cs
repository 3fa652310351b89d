using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// The one origin every absolute URL the portal writes starts with (sitemap, robots, canonical and hreflang links,
/// Autodiscover, client-setup records). Never the request's <c>Host</c> as such: a client chooses that header,
/// and a shared cache in front would keep a page that points readers and mail programs at the client's host.
/// </summary>
internal sealed class PublicOrigin(IOptions<PortalOptions> portal, IOptions<HostFilteringOptions> hosts, IHttpContextAccessor requests)
{
    /// <summary>Used when <c>Portal:PublicUrl</c> is unset and the request's host is not one <c>AllowedHosts</c> names.</summary>
    public const string Fallback = "http://localhost";

    /// <summary>How long a response holding absolute URLs may be kept by a browser or a shared cache.</summary>
    public const string CacheControl = "public, max-age=3600";

    private readonly string? _configured = PortalOptions.Origin(portal.Value.PublicUrl);

    /// <summary>
    /// <c>Portal:PublicUrl</c>; without it (development, tests), the request's scheme and host when <c>AllowedHosts</c>
    /// names that host explicitly (not <c>*</c>), otherwise <see cref="Fallback"/>.
    /// </summary>
    public string Current => _configured ?? FromRequest(requests.HttpContext?.Request) ?? Fallback;

    /// <summary><paramref name="path"/> (starting with <c>/</c>) as an absolute URL on <see cref="Current"/>.</summary>
    public string Absolute(string path) => Current + path;

    private string? FromRequest(HttpRequest? request)
    {
        if (request is null || !request.Host.HasValue)
        {
            return null;
        }
        var allowed = hosts.Value.AllowedHosts.Where(h => h != "*").Select(h => new StringSegment(h)).ToList();
        return allowed.Count > 0 && HostString.MatchesAny(request.Host.Host, allowed)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : null;
    }
}

/// <summary>The <c>Portal</c> section of the configuration.</summary>
internal sealed class PortalOptions
{
    public const string SectionName = "Portal";
    public const string PublicUrlKey = "Portal:PublicUrl";

    /// <summary>The address readers use, e.g. <c>https://help.example.net</c>: scheme, host and port only.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Why <paramref name="value"/> is not a usable public URL, or null when it is (or is empty).</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"{PublicUrlKey} must be an absolute http or https URL such as https://help.example.net, not '{value}'.";
        }
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return $"{PublicUrlKey} must be only a scheme, a host and an optional port (no path, query or user), not '{value}'.";
        }
        return null;
    }

    /// <summary>The origin of a valid <paramref name="value"/> without a trailing slash; null when unset.</summary>
    public static string? Origin(string? value) =>
        string.IsNullOrWhiteSpace(value) || Problem(value) is not null ? null : new Uri(value.Trim()).GetLeftPart(UriPartial.Authority);

    public static string? Host(string? value) =>
        string.IsNullOrWhiteSpace(value) || Problem(value) is not null ? null : new Uri(value.Trim()).IdnHost;
}

/// <summary>Checks <c>Portal:PublicUrl</c> at start: required in Production, and always well formed when set.</summary>
internal sealed class PortalOptionsValidator(IHostEnvironment environment) : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        if (PortalOptions.Problem(options.PublicUrl) is { } problem)
        {
            return ValidateOptionsResult.Fail(problem);
        }
        if (environment.IsProduction() && string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            return ValidateOptionsResult.Fail(
                $"{PortalOptions.PublicUrlKey} must be set in Production to the address readers use, e.g. https://help.example.net.");
        }
        return ValidateOptionsResult.Success;
    }
}

internal static class PublicOriginComposition
{
    /// <summary>Safe to call from every feature that writes absolute URLs: registers once.</summary>
    public static WebApplicationBuilder AddPublicOrigin(this WebApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(PublicOrigin)))
        {
            return builder;
        }
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<PublicOrigin>();
        // The public host is always allowed, so setting Portal:PublicUrl alone is enough for the usual deployment.
        builder.Services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<PortalOptions>>((hosts, portal) =>
        {
            var publicHost = PortalOptions.Host(portal.Value.PublicUrl);
            if (publicHost is not null && !hosts.AllowedHosts.Contains("*") && !hosts.AllowedHosts.Contains(publicHost, StringComparer.OrdinalIgnoreCase))
            {
                hosts.AllowedHosts = [.. hosts.AllowedHosts, publicHost];
            }
        });
        return builder;
    }
}
