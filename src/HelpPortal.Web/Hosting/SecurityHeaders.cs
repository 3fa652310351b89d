using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// The security headers on every response, pages, endpoints, static files and error pages alike.
/// They are written when the response starts, so an exception handler that clears the headers cannot drop them.
/// </summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(context);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        // Older browsers that ignore frame-ancestors still honour this one.
        headers.XFrameOptions = "DENY";
        // The portal uses none of these; a script that got in anyway cannot ask for them either.
        headers["Permissions-Policy"] = PermissionsPolicy;
        if (IsPrivate(context.Request.Path))
        {
            // Staff pages and exports name customers and comments: never kept by a browser or a cache in between.
            headers.CacheControl = "no-store";
        }
    }

    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=()";

    /// <summary>The staff area (<c>/admin/*</c>, the CSV included) and the sign-in pages.</summary>
    public static bool IsPrivate(PathString path) =>
        path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// No inline script: the only inline script Blazor writes is the import map, allowed by its hash.
    /// No inline style either: the components style through CSS files and the reconnect dialog is our own component.
    /// </summary>
    public static string ContentSecurityPolicy(HttpContext context)
    {
        var scripts = "'self'";
        if (ImportMapHash(context) is { } hash)
        {
            scripts += $" '{hash}'";
        }
        // The interactive circuit's WebSocket; 'self' covers it in current browsers, the explicit origin in older ones.
        // The public origin, not the Host header, which the client chooses.
        var origin = new Uri(context.RequestServices.GetRequiredService<PublicOrigin>().Current);
        var connect = $"'self' wss://{origin.Authority}";
        if (origin.Scheme == Uri.UriSchemeHttp)
        {
            connect += $" ws://{origin.Authority}";
        }
        // A page whose form legitimately ends elsewhere (the hand-over to support) names where: browsers check
        // form-action on every redirect that follows a form.
        var formAction = "'self'";
        if (context.GetEndpoint()?.Metadata.GetMetadata<IFormActionSources>() is { } extra)
        {
            formAction = string.Join(' ', extra.Sources(context).Prepend(formAction).Distinct());
        }
        return string.Join("; ",
            "default-src 'self'",
            $"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            $"connect-src {connect}",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
            $"form-action {formAction}");
    }

    /// <summary>The hash of the import map the page's <c>ImportMap</c> component writes inline, if the endpoint has one.</summary>
    public static string? ImportMapHash(HttpContext context)
    {
        var definition = context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>();
        if (definition is null)
        {
            return null;
        }
        // The definition is the endpoint's and never changes, so it is hashed once, not on every response.
        return ImportMapHashes.GetValue(definition, static d =>
        {
            // ToString is the JSON the component writes between the script tags.
            var digest = SHA256.HashData(Encoding.UTF8.GetBytes(d.ToString()));
            return "sha256-" + Convert.ToBase64String(digest);
        });
    }

    private static readonly ConditionalWeakTable<ImportMapDefinition, string> ImportMapHashes = new();
}

/// <summary>Endpoint metadata: sources a page's forms may lead to besides its own origin.</summary>
internal interface IFormActionSources
{
    IEnumerable<string> Sources(HttpContext context);
}
