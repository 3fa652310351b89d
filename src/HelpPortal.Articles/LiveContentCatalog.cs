using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpPortal.Articles;

/// <summary>
/// The catalog in service, rebuilt in the background whenever a file under the content folder changes.
/// Changes are debounced, a rebuild never runs on a request, and the new catalog is swapped in whole.
/// <see cref="StartAsync"/> performs the initial load, before the server listens; making the catalog costs nothing,
/// and reading it before it started is a mistake that throws rather than loading on the reader's thread.
/// </summary>
public sealed class LiveContentCatalog : IContentCatalogSource, IHostedService, IDisposable
{
    private readonly ContentLoadOptions _options;
    private readonly ILogger _logger;
    private readonly TimeSpan _debounce;
    private readonly Lock _reloadLock = new();
    private readonly Timer _timer;
    private FileSystemWatcher? _watcher;
    private ContentCatalog? _current;
    private bool _disposed;

    /// <summary>How long the folder must be quiet before a rebuild: long enough for an editor's save to settle.</summary>
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(250);

    /// <param name="debounce">How long the folder must be quiet before a rebuild (<see cref="DefaultDebounce"/>).</param>
    public LiveContentCatalog(ContentLoadOptions options, ILogger<LiveContentCatalog> logger, TimeSpan debounce)
    {
        _options = options;
        _logger = logger;
        _debounce = debounce;
        _timer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <inheritdoc />
    public ContentCatalog Current => Volatile.Read(ref _current)
        ?? throw new InvalidOperationException("The content catalog is read before it started: StartAsync loads it.");

    /// <inheritdoc />
    public event Action<ContentCatalog>? Changed;

    /// <summary>Loads the content folder (the first time) and starts watching it.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is null)
        {
            Rebuild(previous: null);
        }
        StartWatching();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        _timer.Change(Timeout.Infinite, Timeout.Infinite);
        return Task.CompletedTask;
    }

    /// <summary>Rebuilds now, on the calling thread; the watcher calls this after the folder has been quiet.</summary>
    public ContentCatalog Reload() => Rebuild(Current);

    public void Dispose()
    {
        _disposed = true;
        _watcher?.Dispose();
        _timer.Dispose();
    }

    private void StartWatching()
    {
        if (_watcher is not null || !Directory.Exists(_options.ContentPath))
        {
            if (_watcher is null)
            {
                _logger.LogWarning("Content folder {ContentPath} does not exist; live reload is off", _options.ContentPath);
            }
            return;
        }
        var watcher = new FileSystemWatcher(_options.ContentPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += OnFileEvent;
        watcher.Created += OnFileEvent;
        watcher.Deleted += OnFileEvent;
        watcher.Renamed += OnFileEvent;
        watcher.Error += (_, e) =>
        {
            // The event buffer overflowed: some changes went unseen, so rebuild everything.
            _logger.LogWarning(e.GetException(), "Content watcher lost events; reloading everything");
            Schedule();
        };
        watcher.EnableRaisingEvents = true;
        _watcher = watcher;
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e) => Schedule();

    // An editor's save is often several events (truncate, write, rename); wait until they stop.
    private void Schedule()
    {
        if (!_disposed)
        {
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private ContentCatalog Rebuild(ContentCatalog? previous)
    {
        lock (_reloadLock)
        {
            // Another reload may have finished while this one waited; build on the newest.
            previous = previous is null ? null : Volatile.Read(ref _current) ?? previous;
            ContentCatalog catalog;
            try
            {
                catalog = ContentLoader.Load(_options, previous);
            }
            catch (Exception ex) when (previous is not null)
            {
                // The loader reports bad content as errors; this is the file system failing. Keep serving.
                _logger.LogError(ex, "Content reload failed; keeping version {Version}", previous.Version);
                return previous;
            }
            Log(catalog);
            Volatile.Write(ref _current, catalog);
            if (previous is not null)
            {
                RaiseChanged(catalog);
            }
            return catalog;
        }
    }

    private void RaiseChanged(ContentCatalog catalog)
    {
        foreach (var handler in Changed?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<ContentCatalog>)handler)(catalog);
            }
            catch (Exception ex)
            {
                // A failing subscriber (say, the search index) must not stop reloads or the others from hearing.
                _logger.LogError(ex, "A content change handler failed for version {Version}", catalog.Version);
            }
        }
    }

    private void Log(ContentCatalog catalog)
    {
        foreach (var error in catalog.Errors)
        {
            if (error.Severity == ContentSeverity.Error)
            {
                _logger.LogError("{ContentError}", error.ToString());
            }
            else
            {
                _logger.LogWarning("{ContentError}", error.ToString());
            }
        }
        _logger.LogInformation(
            "Content version {Version} loaded: {Articles} articles, {Errors} errors, {Warnings} warnings",
            catalog.Version,
            catalog.AllArticles.Count(),
            catalog.Errors.Count(e => e.Severity == ContentSeverity.Error),
            catalog.Errors.Count(e => e.Severity == ContentSeverity.Warning));
    }
}
