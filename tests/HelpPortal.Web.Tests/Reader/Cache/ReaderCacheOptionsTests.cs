namespace HelpPortal.Web.Tests.Reader.Cache;

public sealed class ReaderCacheOptionsTests
{
    [Fact]
    public void ANegativeBudgetStopsStartUpNamingTheKey()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["ReaderCache:MaxBytes"] = "-1" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ReaderCache:MaxBytes must be 0", error.ToString());
    }
}
