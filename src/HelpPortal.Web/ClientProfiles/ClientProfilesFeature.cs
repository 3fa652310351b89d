using HelpPortal.Mail;
using HelpPortal.Mail.Profiles;
using HelpPortal.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace HelpPortal.Web.ClientProfiles;

/// <summary>Autoconfig, Autodiscover and Apple profiles: public endpoints that let mail programs configure themselves.</summary>
internal static class ClientProfilesFeature
{
    public const string RateLimitPolicy = "client-profiles";
    public const string RequestsPerClientPerMinuteKey =
        ClientProfilesOptions.SectionName + ":" + nameof(ClientProfilesOptions.RequestsPerClientPerMinute);
    private const string XmlContentType = "text/xml; charset=utf-8";

    public static WebApplicationBuilder AddClientProfiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddPerClientLimit<ClientProfilesOptions>(RateLimitPolicy, RequestsPerClientPerMinuteKey, o => o.RequestsPerClientPerMinute);
        return builder;
    }

    public static WebApplication MapClientProfiles(this WebApplication app)
    {
        var profiles = app.MapGroup("").RequireRateLimiting(RateLimitPolicy).AllowAnonymous();

        // The address is only a hint: every address gets the same answer, so the file reveals no mailboxes.
        profiles.MapGet("/.well-known/autoconfig/mail/config-v1.1.xml", Autoconfig);
        profiles.MapGet("/mail/config-v1.1.xml", Autoconfig);

        // Routing ignores case, so this one route also answers /Autodiscover/Autodiscover.xml.
        profiles.MapPost("/autodiscover/autodiscover.xml", AutodiscoverAsync).DisableAntiforgery();
        profiles.MapGet("/autodiscover/autodiscover.json", (HttpResponse response, PublicOrigin origin, string? email, string? protocol) =>
            AutodiscoverJson(response, origin, email, protocol));
        profiles.MapGet("/autodiscover/autodiscover.json/v1.0/{email}", (HttpResponse response, PublicOrigin origin, string email, string? protocol) =>
            AutodiscoverJson(response, origin, email, protocol));

        profiles.MapGet("/mail/profile.mobileconfig", MobileConfig);
        return app;
    }

    private static IResult Autoconfig(HttpResponse response, MailServiceModel model)
    {
        response.Headers.CacheControl = PublicOrigin.CacheControl;
        return Results.Text(ThunderbirdAutoconfig.Generate(model), XmlContentType);
    }

    private static async Task<IResult> AutodiscoverAsync(HttpRequest request, MailServiceModel model, CancellationToken cancellationToken)
    {
        if (request.ContentLength > AutodiscoverRequest.MaxBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {AutodiscoverRequest.MaxBytes / 1024} KB.");
        }
        if (!IsXml(request.ContentType))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Send the Autodiscover request as text/xml or application/xml.");
        }
        var body = await ReadCappedAsync(request, AutodiscoverRequest.MaxBytes, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {AutodiscoverRequest.MaxBytes / 1024} KB.");
        }
        var parsed = AutodiscoverRequest.Parse(body);
        if (parsed.IsValid)
        {
            // The answer names the reader's address: a browser may keep it, a shared cache must not.
            request.HttpContext.Response.Headers.CacheControl = "private, max-age=3600";
        }
        return parsed.IsValid
            ? Results.Text(OutlookAutodiscover.Generate(model, parsed.EmailAddress!), XmlContentType)
            : Problem(StatusCodes.Status400BadRequest, parsed.Error!);
    }

    private static IResult AutodiscoverJson(HttpResponse response, PublicOrigin origin, string? email, string? protocol)
    {
        var check = EmailAddressCheck.Check(email);
        if (!check.IsValid)
        {
            return Problem(StatusCodes.Status400BadRequest, $"Email: {check.Error}");
        }
        if (!string.Equals(protocol, "AutodiscoverV1", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status400BadRequest, "Protocol: only AutodiscoverV1 is offered.");
        }
        // Outlook follows this URL with the address and password: only ever the portal's own public origin.
        response.Headers.CacheControl = PublicOrigin.CacheControl;
        return Results.Json(new { Protocol = "AutodiscoverV1", Url = origin.Absolute("/autodiscover/autodiscover.xml") });
    }

    private static IResult MobileConfig(HttpContext context, MailServiceModel model, string? email)
    {
        var check = EmailAddressCheck.Check(email);
        if (!check.IsValid)
        {
            return Problem(StatusCodes.Status400BadRequest, $"email: {check.Error}");
        }
        // The profile names the reader's address: keep it out of shared caches.
        context.Response.Headers.CacheControl = "no-store";
        var bytes = System.Text.Encoding.UTF8.GetBytes(AppleMobileConfig.Generate(model, check.Address!));
        return Results.File(bytes, AppleMobileConfig.ContentType, AppleMobileConfig.FileName(model));
    }

    private static bool IsXml(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        return string.Equals(mediaType, "text/xml", StringComparison.OrdinalIgnoreCase)
            || string.Equals(mediaType, "application/xml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads the body, or returns null as soon as it passes <paramref name="limit"/> (chunked bodies carry no length).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit + 1;
        }
        var buffer = new byte[limit + 1];
        var total = 0;
        try
        {
            int read;
            while (total < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return total > limit ? null : buffer[..total];
    }

    private static IResult Problem(int status, string reason) => Results.Text(reason, "text/plain; charset=utf-8", statusCode: status);
}

/// <summary>The <c>ClientProfiles</c> section of the configuration.</summary>
internal sealed class ClientProfilesOptions
{
    public const string SectionName = "ClientProfiles";

    public int RequestsPerClientPerMinute { get; set; } = 30;
}
