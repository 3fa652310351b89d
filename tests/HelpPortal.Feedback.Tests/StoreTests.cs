using HelpPortal.Feedback.Postgres;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    public void TheProviderIsReadFromItsSetting(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, PortalStore.ParseProvider(value));

    [Fact]
    public async Task OnPostgresTheStoreUsesItsOwnMigrations()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Postgres);
        await using var db = store.CreateDbContext();

        Assert.IsType<PostgresPortalDbContext>(db);
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialStore", StringComparison.Ordinal));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal("timestamp with time zone", await db.Database.SqlQueryRaw<string>(
            "SELECT data_type AS \"Value\" FROM information_schema.columns WHERE table_name = 'Votes' AND column_name = 'UpdatedUtc'").SingleAsync());
    }

    [Fact]
    public void PostgresWithoutAHostNamesTheSettingToFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new DbContextOptionsBuilder<PortalDbContext>().UsePortalStore(DatabaseProvider.Postgres, "Data Source=data/helpportal.db", Path.GetTempPath()));
        Assert.Contains("ConnectionStrings:Portal", error.Message);
    }

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

public sealed class StoreHealthTests
{
    [Fact]
    public async Task TheHealthCheckIsUnhealthyWhenTheFileCannotBeOpened()
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalStore(DatabaseProvider.Sqlite, $"Data Source={Guid.NewGuid():N}.db;Mode=ReadOnly", Path.GetTempPath());
        var factory = new SingleOptionsFactory(options.Options);

        var result = await new PortalStoreHealthCheck(factory).CheckHealthAsync(new());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
    }

    private sealed class SingleOptionsFactory(Microsoft.EntityFrameworkCore.DbContextOptions<PortalDbContext> options)
        : Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => PortalStore.CreateContext(options);
    }
}

/// <summary>What every engine must do; the sealed classes below pick one.</summary>
public abstract class StoreEngineTests(DatabaseProvider provider)
{
    [Fact]
    public async Task MigratingTwiceIsHarmless()
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.CreateDbContext();

        await PortalStore.MigrateAsync(db, default);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task TheHealthCheckIsHealthyWhenTheStoreAnswers()
    {
        await using var store = await TestStore.CreateAsync(provider);

        var result = await new PortalStoreHealthCheck(store).CheckHealthAsync(new());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, result.Status);
    }
}

public sealed class SqliteStoreEngineTests() : StoreEngineTests(DatabaseProvider.Sqlite);

public sealed class PostgresStoreEngineTests() : StoreEngineTests(DatabaseProvider.Postgres);

public sealed class PostgresConcurrentStartTests
{
    [Fact]
    public async Task InstancesStartingAtTheSameMomentBothMigrateOneNewDatabase()
    {
        var database = TestPostgres.NewDatabaseName();
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UsePortalStore(DatabaseProvider.Postgres, TestPostgres.ConnectionString(database), Path.GetTempPath()).Options;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                await using var db = PortalStore.CreateContext((DbContextOptions<PortalDbContext>)options);
                await PortalStore.MigrateAsync(db, default);
            })));

            await using var check = PortalStore.CreateContext((DbContextOptions<PortalDbContext>)options);
            Assert.Empty(await check.Database.GetPendingMigrationsAsync());
            // Each migration once, whoever applied it.
            Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}

public sealed class PostgresConcurrentInitializeTests
{
    [Fact]
    public async Task InstancesInitializingAtOnceEachFindTheStaffRoles()
    {
        var database = TestPostgres.NewDatabaseName();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>(options =>
            options.UsePortalStore(DatabaseProvider.Postgres, TestPostgres.ConnectionString(database), Path.GetTempPath()));
        services.AddIdentityCore<StaffUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();
        await using var provider = services.BuildServiceProvider();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                await PortalStoreInitializer.InitializeAsync(scope.ServiceProvider, default);
            })));

            await using var check = provider.CreateAsyncScope();
            var names = await check.ServiceProvider.GetRequiredService<PortalDbContext>().Roles.Select(r => r.Name).ToListAsync();
            Assert.Equal(StaffRoles.All.Order(), names.Order());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}
