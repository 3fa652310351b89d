using HelpPortal.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback.Tests;

/// <summary>A fresh, migrated SQLite file in a temporary folder, handed out as a context factory.</summary>
internal sealed class TestStore : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<PortalDbContext> _options;

    private TestStore(string folder)
    {
        Folder = folder;
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalStore(DatabaseProvider.Sqlite, "Data Source=data/store.db", folder);
        _options = builder.Options;
    }

    public string Folder { get; }
    public ManualTime Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public static async Task<TestStore> CreateAsync()
    {
        var store = new TestStore(Directory.CreateTempSubdirectory("helpportal-store-").FullName);
        await using var db = store.CreateDbContext();
        await PortalStore.MigrateAsync(db, CancellationToken.None);
        return store;
    }

    public PortalDbContext CreateDbContext() => new(_options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temporary folders; a held file must not fail a test.
        }
        return ValueTask.CompletedTask;
    }
}

internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
