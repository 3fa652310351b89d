using System.Collections.Concurrent;
using System.Diagnostics;
using HelpPortal.Articles;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Reader.Cache;

/// <summary>
/// The stored reader pages of the current content version, within <c>ReaderCache:MaxBytes</c>. A new catalog
/// starts an empty generation, so a page rendered from older content can never be served after a reload.
/// </summary>
internal sealed class ReaderPageStore : IDisposable
{
    private readonly IContentCatalogSource _catalogs;
    private readonly long _maxBytes;
    private Generation _current;
    private long _renders;

    public ReaderPageStore(IContentCatalogSource catalogs, IOptions<ReaderCacheOptions> options)
    {
        _catalogs = catalogs;
        _maxBytes = options.Value.MaxBytes;
        _current = new Generation(null);
        _catalogs.Changed += OnChanged;
    }

    public bool Enabled => _maxBytes > 0;

    /// <summary>How many pages were rendered to be stored, since start.</summary>
    public long Renders => Interlocked.Read(ref _renders);

    /// <summary>The bytes held now, for the current content version.</summary>
    public long Bytes => Interlocked.Read(ref Volatile.Read(ref _current).Bytes);

    /// <summary>
    /// The generation for <paramref name="catalog"/>, the one a request read at its start; null when that catalog
    /// is no longer current (the request then renders live and stores nothing).
    /// </summary>
    public Generation? For(ContentCatalog catalog)
    {
        while (true)
        {
            var generation = Volatile.Read(ref _current);
            if (ReferenceEquals(generation.Catalog, catalog))
            {
                return generation;
            }
            if (!ReferenceEquals(_catalogs.Current, catalog))
            {
                return null;
            }
            // Only ever forward, to the catalog that is current now; a lost race just reads the winner.
            Interlocked.CompareExchange(ref _current, new Generation(catalog), generation);
        }
    }

    public void CountRender() => Interlocked.Increment(ref _renders);

    public void Add(Generation generation, string key, StoredPage page)
    {
        page.LastUsed = Stopwatch.GetTimestamp();
        if (page.Size > _maxBytes || !generation.Pages.TryAdd(key, page))
        {
            return;
        }
        if (Interlocked.Add(ref generation.Bytes, page.Size) > _maxBytes)
        {
            Trim(generation);
        }
    }

    /// <summary>Least recently used out first, down to nine tenths of the budget so that trimming is rare.</summary>
    private void Trim(Generation generation)
    {
        lock (generation)
        {
            if (Interlocked.Read(ref generation.Bytes) <= _maxBytes)
            {
                return;
            }
            var target = _maxBytes / 10 * 9;
            foreach (var entry in generation.Pages.ToArray().OrderBy(e => Volatile.Read(ref e.Value.LastUsed)))
            {
                if (Interlocked.Read(ref generation.Bytes) <= target)
                {
                    break;
                }
                if (generation.Pages.TryRemove(entry))
                {
                    Interlocked.Add(ref generation.Bytes, -entry.Value.Size);
                }
            }
        }
    }

    private void OnChanged(ContentCatalog catalog) => For(catalog);

    public void Dispose() => _catalogs.Changed -= OnChanged;

    internal sealed class Generation(ContentCatalog? catalog)
    {
        public ContentCatalog? Catalog { get; } = catalog;
        public ConcurrentDictionary<string, StoredPage> Pages { get; } = new(StringComparer.Ordinal);

        /// <summary>The renders in flight, so that many first requests for one page wait for a single render.</summary>
        public ConcurrentDictionary<string, Task<StoredPage?>> Rendering { get; } = new(StringComparer.Ordinal);

        public long Bytes;

        public bool TryGet(string key, out StoredPage page)
        {
            if (Pages.TryGetValue(key, out page!))
            {
                Volatile.Write(ref page.LastUsed, Stopwatch.GetTimestamp());
                return true;
            }
            return false;
        }
    }
}
