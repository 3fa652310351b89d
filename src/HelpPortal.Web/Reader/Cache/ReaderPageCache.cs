using HelpPortal.Articles;
using Microsoft.AspNetCore.Diagnostics;

namespace HelpPortal.Web.Reader.Cache;

/// <summary>
/// Reader pages rendered once, served as bytes. An anonymous GET or HEAD of a page marked
/// <see cref="StoredForReadersAttribute"/> (article, category, language home), without a query string, is answered
/// from <see cref="ReaderPageStore"/>; the first request for a page renders it through the rest of the pipeline
/// into memory (the others asking meanwhile wait for that one render), stores it and is then answered from the
/// store like every later one, so both paths send the same status, headers and bytes. Everything else (staff,
/// drafts, previews, search, error pages, a query string such as the vote's <c>?feedback=</c>) passes through
/// live and is marked <c>no-store</c>.
/// Written here rather than with ASP.NET Core's output caching, which stores one variant per raw
/// <c>Accept-Encoding</c> and compresses nothing itself, where this keeps one copy per encoding, precompressed.
/// </summary>
internal sealed class ReaderPageCache(RequestDelegate next, ReaderPageStore store, IContentCatalogSource catalogs)
{
    /// <summary>Browsers revalidate every time (a 304 is cheap); a CDN in front may keep a page for a minute.</summary>
    public const string CacheControl = "public, max-age=0, s-maxage=60, must-revalidate";
    public const string LiveCacheControl = "private, no-store";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<StoredForReadersAttribute>() is null)
        {
            return next(context);
        }
        var generation = Storable(context) ? store.For(catalogs.Current) : null;
        if (generation is null)
        {
            context.Response.Headers.CacheControl = LiveCacheControl;
            return next(context);
        }
        // The page's canonical and alternate links are absolute, built from the request's scheme and host, so a
        // page stored for one Host header is never answered to another (no cache poisoning with Host: evil.example).
        var key = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}";
        return generation.TryGet(key, out var page) ? StoredResponse.WriteAsync(context, page) : RenderOnceAsync(context, generation, key);
    }

    private bool Storable(HttpContext context)
    {
        var request = context.Request;
        return store.Enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.QueryString.Value is null or "" or "?"
            && context.User.Identity?.IsAuthenticated != true
            && context.Features.Get<IStatusCodeReExecuteFeature>() is null
            && context.Features.Get<IExceptionHandlerFeature>() is null
            // Blazor's enhanced navigation asks for the page in its own way; rare on plain pages, answered live.
            && !request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.OrdinalIgnoreCase);
    }

    private async Task RenderOnceAsync(HttpContext context, ReaderPageStore.Generation generation, string key)
    {
        var mine = new TaskCompletionSource<StoredPage?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = generation.Rendering.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            if (await running.WaitAsync(context.RequestAborted) is { } rendered)
            {
                await StoredResponse.WriteAsync(context, rendered);
                return;
            }
            // The render was not a page to store (a 404, say): this request gets its own, live.
            context.Response.Headers.CacheControl = LiveCacheControl;
            await next(context);
            return;
        }

        StoredPage? page = null;
        try
        {
            // Another render may have finished between this request's look in the store and its claim.
            if (generation.TryGet(key, out var stored))
            {
                page = stored;
                await StoredResponse.WriteAsync(context, stored);
                return;
            }
            page = await RenderAsync(context);
            if (page is not null)
            {
                store.Add(generation, key, page);
            }
        }
        finally
        {
            mine.SetResult(page);
            generation.Rendering.TryRemove(new(key, mine.Task));
        }
    }

    /// <summary>Renders the page into memory: stored and answered from the store when it is a page, else passed on as it came.</summary>
    private async Task<StoredPage?> RenderAsync(HttpContext context)
    {
        var method = context.Request.Method;
        context.Request.Method = HttpMethods.Get; // a HEAD is answered from the same page as a GET
        var capture = ResponseCapture.Start(context);
        byte[] body;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = method;
            body = await capture.StopAsync();
        }
        store.CountRender();

        if (context.Response.StatusCode == StatusCodes.Status200OK
            && context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            && !capture.RenderSetCookie)
        {
            var page = StoredPage.Create(body, capture.TakeRenderHeaders());
            await StoredResponse.WriteAsync(context, page);
            return page;
        }

        context.Response.Headers.CacheControl = LiveCacheControl;
        if (body.Length > 0 && !HttpMethods.IsHead(method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
        return null;
    }
}
