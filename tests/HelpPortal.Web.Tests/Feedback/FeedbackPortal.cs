using System.Net;
using System.Text.RegularExpressions;
using HelpPortal.Articles;
using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Feedback;

/// <summary>The real portal with a small, known catalog, so feedback tests do not depend on the shipped articles.</summary>
internal sealed partial class FeedbackPortal : IDisposable
{
    private readonly PortalFactory _root;
    private readonly WebApplicationFactory<Program> _factory;

    public FeedbackPortal(IDictionary<string, string?>? settings = null, ContentCatalog? catalog = null, Action<IServiceCollection>? services = null)
    {
        _root = new PortalFactory(settings);
        Catalog = new TestCatalogSource(catalog ?? TestContent.Catalog());
        _factory = _root.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(collection =>
            {
                collection.AddSingleton<IContentCatalogSource>(Catalog);
                collection.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
                services?.Invoke(collection);
            }));
    }

    public TestCatalogSource Catalog { get; }
    public IServiceProvider Services => _factory.Services;
    public string DataDirectory => _root.DataDirectory;

    public HttpClient CreateClient() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<(int Yes, int No)> CountAsync(string lang, string slug) =>
        await Services.GetRequiredService<VoteStore>().CountAsync(new VoteFilter(Lang: lang, Slug: slug), default);

    /// <summary>Creates a staff account the way an operator does: through the add-user command.</summary>
    public async Task AddUserAsync(string email, string password, params string[] roles)
    {
        var args = new List<string> { email };
        foreach (var role in roles)
        {
            args.AddRange(["--role", role]);
        }
        using var output = new StringWriter();
        var exit = await AddUserCommand.RunAsync(Services, [.. args], new StringReader(password + "\n"), output);
        Assert.True(exit == 0, output.ToString());
    }

    /// <summary>Signs in through the login page, as a browser would, and returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await PostFormAsync(client, "/account/login", "/account/login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther,
            $"sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Loads <paramref name="pageUrl"/>, copies its hidden fields (antiforgery token, handler) and posts from it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        var form = HiddenFields(page);
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }
        return await PostFromOwnPageAsync(client, postUrl, form);
    }

    /// <summary>Posts a form as a browser does from one of the site's own pages: it says <c>Sec-Fetch-Site: same-origin</c>.</summary>
    public static Task<HttpResponseMessage> PostFromOwnPageAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return client.SendAsync(request);
    }

    public static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(html))
        {
            var name = Attribute(input.Value, "name");
            if (name is not null && name != "helpful" && name != "step")
            {
                fields[name] = WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? "");
            }
        }
        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"""\b{name}="([^"]*)" """.TrimEnd());
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*>""")]
    private static partial Regex HiddenInput();

    public void Dispose() => _root.Dispose();
}

/// <summary>
/// The in-process test server has no client address; a request may name one in <see cref="Header"/>, as if it had
/// connected from there. Runs before the portal's own pipeline, so limits and votes see it.
/// </summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}

internal static class TestContent
{
    public static Article Article(string lang, string slug, string title, string revision = "rev1", params string[] categories) => new()
    {
        Lang = lang,
        Slug = slug,
        Title = title,
        Summary = "A test article.",
        Categories = categories.Length == 0 ? ["email"] : categories,
        Updated = new DateOnly(2023, 2, 20),
        SourcePath = $"articles/{lang}/{slug}.md",
        Revision = revision,
        Body = [new HtmlSegment("<p>Body</p>")],
    };

    public static ContentCatalog Catalog(params Article[] extra) => new(
        [
            Article("en", "troubleshooting-email", "Troubleshooting email"),
            Article("sv", "felsokning-e-post", "Felsökning av e-post"),
            Article("en", "sending-limits", "Sending limits", categories: "limits"),
            .. extra,
        ],
        [
            new Category("email", new Dictionary<string, string> { ["en"] = "Email", ["sv"] = "E-post" }, 1, null),
            new Category("limits", new Dictionary<string, string> { ["en"] = "Limits", ["sv"] = "Gränser" }, 2, null),
        ],
        [],
        1,
        DateTimeOffset.UtcNow);
}
