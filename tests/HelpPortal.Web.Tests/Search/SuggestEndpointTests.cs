using System.Net;
using System.Net.Http.Json;
using HelpPortal.Web.Tests.Feedback;

namespace HelpPortal.Web.Tests.Search;

public sealed class SuggestEndpointTests
{
    private sealed record Item(string Title, string Url);

    [Fact]
    public async Task SuggestionsMatchTheLastWordAsAPrefix()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        var items = await client.GetFromJsonAsync<Item[]>("/en/search/suggest?q=outgoing%20serv");

        Assert.Equal([new Item("Outgoing server (SMTP)", "/en/articles/smtp-settings")], items!);
    }

    [Fact]
    public async Task SuggestionsStayInThePagesLanguageAndSkipDrafts()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        var english = await client.GetFromJsonAsync<Item[]>("/en/search/suggest?q=smt");
        var swedish = await client.GetFromJsonAsync<Item[]>("/sv/search/suggest?q=smt");

        Assert.Equal(["/en/articles/smtp-settings"], english!.Select(i => i.Url));
        Assert.Empty(swedish!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%22%22%22")]
    [InlineData("NEAR(a%20b)%20*")]
    public async Task HostileOrEmptyInputAnswersAnEmptyList(string q)
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        var response = await client.GetAsync($"/en/search/suggest?q={q}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownLanguageIsNotFound()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xx/search/suggest?q=smtp")).StatusCode);
    }
}
