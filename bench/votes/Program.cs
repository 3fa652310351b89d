// Vote benchmark: VISITORS concurrent visitors, each with its own cookies and antiforgery token, vote once on each of
// ARTICLES articles through the plain form post. Prints votes/s and the yes/no totals the store must hold.
// Usage: VotesBench BASE_URL VISITORS VOTES_PER_VISITOR SLUG_PREFIX
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

var baseAddress = new Uri(args[0]);
var visitorCount = int.Parse(args[1]);
var votesPerVisitor = int.Parse(args[2]);
var slugPrefix = args[3];
// Generated articles alternate en/sv, so the English ones have even numbers.
string Slug(int article) => $"{slugPrefix}{article * 2:D5}";
bool Helpful(int visitor, int article) => (visitor + article) % 3 != 0;

// Each visitor connects from its own loopback address: the portal counts cookie-less votes from one network once.
var clients = Enumerable.Range(0, visitorCount).Select(visitor => new HttpClient(
    new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = new CookieContainer(),
        MaxConnectionsPerServer = 1,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(new IPAddress([127, 0, (byte)(visitor / 250), (byte)(2 + visitor % 250)]), 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
{
    BaseAddress = baseAddress,
    Timeout = TimeSpan.FromSeconds(60),
}).ToArray();

// Every visitor reads an article first: that page carries its antiforgery token and sets its cookies.
var tokens = await Task.WhenAll(clients.Select(async client =>
    HiddenFields(await client.GetStringAsync($"/en/articles/{Slug(0)}"))));

var failures = 0;
var clock = Stopwatch.StartNew();
await Task.WhenAll(clients.Select((client, visitor) => Task.Run(async () =>
{
    for (var article = 0; article < votesPerVisitor; article++)
    {
        var form = new Dictionary<string, string>(tokens[visitor]) { ["helpful"] = Helpful(visitor, article) ? "yes" : "no" };
        using var response = await client.PostAsync($"/en/articles/{Slug(article)}/feedback", new FormUrlEncodedContent(form));
        if (response.StatusCode != HttpStatusCode.SeeOther)
        {
            Interlocked.Increment(ref failures);
            Console.Error.WriteLine($"{Slug(article)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
})));
clock.Stop();

var total = visitorCount * votesPerVisitor;
var yes = Enumerable.Range(0, visitorCount).Sum(v => Enumerable.Range(0, votesPerVisitor).Count(a => Helpful(v, a)));
Console.WriteLine($"votes={total} failed={failures} seconds={clock.Elapsed.TotalSeconds:F2} votes_per_second={total / clock.Elapsed.TotalSeconds:F0}");
Console.WriteLine($"expected_rows={total} expected_yes={yes} expected_no={total - yes}");
return failures == 0 ? 0 : 1;

static Dictionary<string, string> HiddenFields(string html)
{
    var fields = new Dictionary<string, string>();
    foreach (Match input in Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*>"))
    {
        var name = Regex.Match(input.Value, "\\bname=\"([^\"]*)\"").Groups[1].Value;
        var value = Regex.Match(input.Value, "\\bvalue=\"([^\"]*)\"").Groups[1].Value;
        if (name is not ("" or "helpful" or "step"))
        {
            fields[name] = WebUtility.HtmlDecode(value);
        }
    }
    return fields;
}
