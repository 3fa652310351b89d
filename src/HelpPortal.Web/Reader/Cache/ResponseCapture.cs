using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Reader.Cache;

/// <summary>
/// Takes what a page's render writes, instead of the client: the body into memory and the headers it set, so the
/// render can be stored and then answered exactly as a stored page is. The response never starts meanwhile.
/// </summary>
internal sealed class ResponseCapture : IHttpResponseBodyFeature
{
    // Headers this store writes itself, or that belong to one response only.
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Cache-Control", "Pragma", "Expires", "ETag", "Vary", "Last-Modified", "Date", "Server",
        "Content-Length", "Content-Encoding", "Transfer-Encoding", "Set-Cookie",
    };

    private readonly MemoryStream _body = new();
    private readonly Dictionary<string, StringValues> _before;
    private readonly HttpContext _context;
    private readonly IHttpResponseBodyFeature _original;
    private PipeWriter? _writer;

    private ResponseCapture(HttpContext context)
    {
        _context = context;
        _original = context.Features.Get<IHttpResponseBodyFeature>()!;
        _before = new Dictionary<string, StringValues>(context.Response.Headers, StringComparer.OrdinalIgnoreCase);
    }

    public static ResponseCapture Start(HttpContext context)
    {
        var capture = new ResponseCapture(context);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        return capture;
    }

    public Stream Stream => _body;
    public PipeWriter Writer => _writer ??= PipeWriter.Create(_body, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        file.Seek(offset, SeekOrigin.Begin);
        await file.CopyToAsync(_body, cancellationToken);
    }

    public async Task CompleteAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }
    }

    /// <summary>Puts the client's body back; returns what the render wrote.</summary>
    public async Task<byte[]> StopAsync()
    {
        await CompleteAsync();
        _context.Features.Set(_original);
        return _body.ToArray();
    }

    /// <summary>Whether the render set a cookie: such a page is someone's own and is never stored.</summary>
    public bool RenderSetCookie =>
        _context.Response.Headers.SetCookie.Count != (_before.TryGetValue("Set-Cookie", out var before) ? before.Count : 0);

    /// <summary>The headers the render added or changed, and removes them so that the stored page's are the only ones.</summary>
    public KeyValuePair<string, StringValues>[] TakeRenderHeaders()
    {
        var headers = _context.Response.Headers;
        var set = headers
            .Where(h => !_before.TryGetValue(h.Key, out var before) || before != h.Value)
            .ToArray();
        foreach (var (name, _) in set)
        {
            if (_before.TryGetValue(name, out var before))
            {
                headers[name] = before;
            }
            else
            {
                headers.Remove(name);
            }
        }
        return set.Where(h => !NotReplayed.Contains(h.Key)).ToArray();
    }
}
