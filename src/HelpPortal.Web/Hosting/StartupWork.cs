namespace HelpPortal.Web.Hosting;

/// <summary>
/// Work the server must not listen before: begun as soon as the host starts (<see cref="StartingAsync"/>) and
/// awaited in <see cref="StartAsync"/>, which the host runs before it starts the server. Every piece starts before
/// any is awaited, so they run side by side in whatever order they were registered; a failure stops start-up.
/// Work that other services need before they start (<see cref="OthersStartAfterIt"/>) is awaited already in
/// <see cref="StartingAsync"/>, which the host runs for every service before it starts any.
/// </summary>
internal abstract class StartupWork : IHostedLifecycleService
{
    private Task _work = Task.CompletedTask;

    /// <summary>The work itself, on a pool thread.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether the host's other services start only after this work: true for the store, whose migrations create the
    /// tables that services such as Data Protection (its key ring) read when they start.
    /// </summary>
    protected virtual bool OthersStartAfterIt => false;

    /// <summary>Undoes what <see cref="RunAsync"/> started, once it has ended (whether or not it succeeded).</summary>
    protected virtual Task UndoAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _work = Task.Run(() => RunAsync(cancellationToken), cancellationToken);
        return OthersStartAfterIt ? _work.WaitAsync(cancellationToken) : Task.CompletedTask;
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
