using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// One ceiling for every request body (<c>Hardening:MaxRequestBodyBytes</c>), far below the server's 30 MB default:
/// the largest honest bodies are an Autodiscover request (at most 64 KB) and the editor preview's circuit messages
/// (<c>Circuit:MaximumReceiveMessageSize</c>). Beyond it: 413 with the reason, before any of it is read.
/// </summary>
internal static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<HardeningOptions>>().Value.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await RefuseAsync(context, limit);
                return;
            }
            // Chunked bodies carry no length: the server stops reading them at the same ceiling.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size
                && (size.MaxRequestBodySize is null || size.MaxRequestBodySize > limit))
            {
                size.MaxRequestBodySize = limit;
            }
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await RefuseAsync(context, limit);
            }
        });

    private static Task RefuseAsync(HttpContext context, long limit)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync($"The request body is larger than the {limit / 1024} KB this portal accepts.");
    }
}
