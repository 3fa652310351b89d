using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback.Tests;

public sealed class StoreTests
{
    [Fact]
    public async Task TheFirstRunCreatesTheFolderAndTheDatabaseFile()
    {
        await using var store = await TestStore.CreateAsync();

        Assert.True(File.Exists(Path.Combine(store.Folder, "data", "store.db")));
        await using var db = store.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task TheDatabaseRunsInWriteAheadLogMode()
    {
        await using var store = await TestStore.CreateAsync();
        await using var db = store.CreateDbContext();

        var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task MigratingTwiceIsHarmless()
    {
        await using var store = await TestStore.CreateAsync();
        await using var db = store.CreateDbContext();

        await PortalStore.MigrateAsync(db, default);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    public void TheProviderIsReadFromItsSetting(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, PortalStore.ParseProvider(value));

    [Fact]
    public void AnUnknownProviderNamesTheSettingToFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PortalStore.ParseProvider("Oracle"));
        Assert.Contains("Database:Provider", error.Message);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 0.2065)]
    [InlineData(90, 100, 0.8256)]
    [InlineData(0, 10, 0)]
    public void TheWilsonLowerBoundRewardsMoreEvidence(int yes, int total, double expected) =>
        Assert.Equal(expected, VoteStatistics.WilsonLowerBound(yes, total), tolerance: 0.0005);
}
