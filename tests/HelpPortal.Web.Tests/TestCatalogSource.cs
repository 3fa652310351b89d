using HelpPortal.Articles;

namespace HelpPortal.Web.Tests;

/// <summary>A catalog in service that a test sets, and replaces as a reload would.</summary>
internal sealed class TestCatalogSource(ContentCatalog catalog) : IContentCatalogSource
{
    public ContentCatalog Current { get; private set; } = catalog;

    public event Action<ContentCatalog>? Changed;

    public void Replace(ContentCatalog catalog)
    {
        Current = catalog;
        Changed?.Invoke(catalog);
    }
}
