using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HelpPortal.Feedback;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web app.</summary>
internal sealed class DesignTimePortalDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UsePortalStore(DatabaseProvider.Sqlite, "Data Source=design-time.db", Path.GetTempPath());
        return new PortalDbContext((DbContextOptions<PortalDbContext>)options.Options);
    }
}
