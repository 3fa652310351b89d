namespace HelpPortal.Web.Hosting;

/// <summary>
/// Work the server must not listen before: begun as soon as the host starts (<see cref="StartingAsync"/>) and
/// awaited in <see cref="StartAsync"/>, which the host runs before it starts the server. Every piece starts before
/// any is awaited, so they run side by side in whatever order they were registered; a failure stops start-up.
/// </summary>
internal abstract class StartupWork : IHostedLifecycleService
{
    private Task _work = Task.CompletedTask;

    /// <summary>The work itself, on a pool thread.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Undoes what <see cref="RunAsync"/> started, once it has ended (whether or not it succeeded).</summary>
    protected virtual Task UndoAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _work = Task.Run(() => RunAsync(cancellationToken), cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _work.WaitAsync(cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A start-up that aborted elsewhere may stop us while the work still runs; let it end before undoing it.
        try
        {
            await _work.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported by StartAsync, if start-up got that far.
        }
        await UndoAsync(cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
