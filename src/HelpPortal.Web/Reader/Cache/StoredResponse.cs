namespace HelpPortal.Web.Reader.Cache;

/// <summary>Answers a request from a stored page: 304 on a matching tag, otherwise the chosen encoding's bytes.</summary>
internal static class StoredResponse
{
    public static Task WriteAsync(HttpContext context, StoredPage page)
    {
        var response = context.Response;
        var headers = response.Headers;
        var (body, etag, coding) = Negotiation.Choose(context.Request.Headers.AcceptEncoding) switch
        {
            Negotiation.Coding.Brotli => (page.Brotli, page.BrotliETag, "br"),
            Negotiation.Coding.Gzip => (page.Gzip, page.GzipETag, "gzip"),
            _ => (page.Identity, page.ETag, (string?)null),
        };
        headers.CacheControl = ReaderPageCache.CacheControl;
        headers.Vary = "Accept-Encoding";
        headers.ETag = etag;

        if (Negotiation.Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }
        if (coding is not null)
        {
            headers.ContentEncoding = coding;
        }
        // A Range header is ignored on purpose: the whole page, 200, no Accept-Ranges.
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
