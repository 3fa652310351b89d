namespace HelpPortal.Articles.Tests;

public sealed class CategoryTests : IDisposable
{
    private readonly ContentFolder _folder = new(withCategories: false);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void CategoriesAreReadWithTitlesOrderAndParent()
    {
        _folder.Write("categories.yaml", ContentFolder.Categories);

        var catalog = _folder.Load();

        Assert.DoesNotContain(catalog.Errors, e => e.Path == "categories.yaml");
        var errors = catalog.CategoriesById["errors"];
        Assert.Equal("Error messages", errors.TitleIn("en"));
        Assert.Equal("Felmeddelanden", errors.TitleIn("sv"));
        Assert.Equal(2, errors.Order);
        Assert.Equal("email", errors.Parent);
        Assert.Equal(["email", "errors"], catalog.Trail("errors").Select(c => c.Id));
    }

    [Fact]
    public void AnUnknownParentIsAnErrorAtTheParentLine()
    {
        _folder.Write("categories.yaml", """
            - id: email
              title: { en: Email, sv: E-post }
              order: 1
              parent: nowhere
            """);

        Assert.Contains("categories.yaml:4: category 'email' has an unknown parent 'nowhere'", Errors());
    }

    [Fact]
    public void AParentCycleIsAnErrorForEachCategoryOnTheLoop()
    {
        _folder.Write("categories.yaml", """
            - id: a
              title: { en: A, sv: A }
              order: 1
              parent: b
            - id: b
              title: { en: B, sv: B }
              order: 2
              parent: a
            - id: c
              title: { en: C, sv: C }
              order: 3
              parent: a
            """);

        var errors = Errors();

        Assert.Contains("categories.yaml:4: category 'a' is its own ancestor (parent cycle)", errors);
        Assert.Contains("categories.yaml:8: category 'b' is its own ancestor (parent cycle)", errors);
        Assert.DoesNotContain(errors, e => e.Contains("'c'", StringComparison.Ordinal));
    }

    [Fact]
    public void ADuplicateIdIsAnErrorAtTheSecondOne()
    {
        _folder.Write("categories.yaml", """
            - id: email
              title: { en: Email, sv: E-post }
              order: 1
            - id: email
              title: { en: Mail, sv: Mejl }
              order: 2
            """);

        Assert.Contains("categories.yaml:4: category id 'email' is used twice", Errors());
    }

    [Fact]
    public void AMissingTitleLanguageIsAnError()
    {
        _folder.Write("categories.yaml", """
            - id: email
              title: { en: Email }
              order: 1
            """);

        Assert.Contains("categories.yaml:1: category 'email' has no 'sv' title", Errors());
    }

    [Fact]
    public void AnOrderThatIsNotANumberIsAnErrorAtItsLine()
    {
        _folder.Write("categories.yaml", """
            - id: email
              title: { en: Email, sv: E-post }
              order: first
            """);

        Assert.Contains("categories.yaml:3: order must be a whole number, not 'first'", Errors());
    }

    [Fact]
    public void MalformedYamlIsAnErrorAtItsLine()
    {
        _folder.Write("categories.yaml", """
            - id: email
              title: { en: Email, sv: E-post }
              order: 1: 2
            """);

        Assert.Contains(Errors(), e => e.StartsWith("categories.yaml:3: malformed YAML: ", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingCategoriesFileIsAnError()
    {
        Assert.Contains("categories.yaml:0: the categories file is missing", Errors());
    }

    private List<string> Errors() =>
        _folder.Load().Errors.Where(e => e.Path == "categories.yaml").Select(e => e.ToString()).ToList();
}
