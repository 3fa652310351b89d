// Search benchmark: a generated corpus of 10,000 articles (half English, half Swedish), one index build,
// then a query mix timed one query at a time inside the process. Prints median and p99 in milliseconds.
using System.Diagnostics;
using HelpPortal.Articles;
using HelpPortal.Articles.Search;
using Microsoft.Extensions.Logging.Abstractions;

var articleCount = args.Length > 0 ? int.Parse(args[0]) : 10_000;
const int Rounds = 200;

string[] english = ["mail", "smtp", "imap", "port", "password", "server", "send", "receive", "abroad", "vpn", "invoice",
    "limit", "hour", "outlook", "thunderbird", "iphone", "android", "webmail", "spam", "folder", "signature", "forward",
    "alias", "domain", "certificate", "encryption", "login", "account", "quota", "attachment", "calendar", "contacts"];
string[] swedish = ["e-post", "lösenord", "server", "skicka", "ta", "emot", "utomlands", "faktura", "gräns", "timme",
    "inställningar", "mobil", "webbmejl", "skräppost", "mapp", "signatur", "vidarebefordra", "domän", "certifikat",
    "kryptering", "inloggning", "konto", "bilaga", "kalender", "kontakter", "åtkomst", "säkerhet", "överföring"];

var random = new Random(42);
string Words(string[] vocabulary, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)]));

var articles = Enumerable.Range(0, articleCount).Select(i =>
{
    var lang = i % 2 == 0 ? "en" : "sv";
    var vocabulary = lang == "en" ? english : swedish;
    return new Article
    {
        Lang = lang,
        Slug = $"article-{i}",
        Title = Words(vocabulary, 4),
        Summary = Words(vocabulary, 12),
        Categories = ["email"],
        Updated = new DateOnly(2020, 1, 1).AddDays(random.Next(2000)),
        Tags = [vocabulary[random.Next(vocabulary.Length)]],
        SourcePath = $"articles/{lang}/article-{i}.md",
        Revision = "bench",
        Body = [],
        Headings = Enumerable.Range(0, 3).Select(h => new ArticleHeading(2, $"h{h}", Words(vocabulary, 3))).ToList(),
        PlainText = Words(vocabulary, 300),
    };
}).ToList();
var catalog = new ContentCatalog(articles, [], [], 1, DateTimeOffset.UtcNow);

var build = Stopwatch.StartNew();
using var search = new SearchService(new FixedCatalog(catalog), NullLogger<SearchService>.Instance);
_ = search.IndexedVersion;
build.Stop();

(string Query, string Lang)[] mix =
[
    ("smtp port", "en"), ("password", "en"), ("send mail abroad", "en"), ("smpt", "en"), ("imao", "en"),
    ("outlook signature", "en"), ("vpn", "en"), ("zebra", "en"), ("\"quoted\" NEAR(x) -y *", "en"),
    ("lösenord", "sv"), ("losenord", "sv"), ("skicka e-post utomlands", "sv"), ("faktura", "sv"), ("webbmejl", "sv"),
];

foreach (var (query, lang) in mix)
{
    search.Search(query, lang); // warm-up: JIT and SQLite statement caches
}
var times = new List<double>(Rounds * mix.Length);
var perQuery = mix.ToDictionary(m => m, _ => new List<double>(Rounds));
for (var round = 0; round < Rounds; round++)
{
    foreach (var (query, lang) in mix)
    {
        var started = Stopwatch.GetTimestamp();
        search.Search(query, lang);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        times.Add(elapsed);
        perQuery[(query, lang)].Add(elapsed);
    }
}
times.Sort();
double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];

Console.WriteLine($"articles: {articleCount}, index build: {build.Elapsed.TotalMilliseconds:F0} ms, queries: {times.Count}");
Console.WriteLine($"median: {Percentile(0.50):F2} ms, p99: {Percentile(0.99):F2} ms, max: {times[^1]:F2} ms");
if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
{
    foreach (var ((query, lang), list) in perQuery)
    {
        list.Sort();
        var result = search.Search(query, lang);
        Console.WriteLine($"  {lang} {query,-28} median {list[list.Count / 2],7:F2} ms  hits {result.Hits.Count,2}  corrected {result.Corrected ?? "-"}");
    }
}

internal sealed class FixedCatalog(ContentCatalog catalog) : IContentCatalogSource
{
    public ContentCatalog Current { get; } = catalog;

    public event Action<ContentCatalog>? Changed { add { } remove { } }
}
