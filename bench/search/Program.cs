// Search benchmark: a generated corpus of 10,000 articles (half English, half Swedish), one index build,
// then a query mix timed one query at a time inside the process. Prints median and p99 in milliseconds.
using System.Diagnostics;
using HelpPortal.Articles;
using HelpPortal.Articles.Search;
using Microsoft.Extensions.Logging.Abstractions;

// "--dense" draws every word uniformly from the small topical list, so each query word is in nearly every article
// of its language: a stress case. The default draws body text from a Zipf distribution (as natural text is) over
// common words, the topical words and a few thousand rarer ones; titles and tags stay topical.
var dense = args.Contains("--dense");
var articleCount = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } count ? int.Parse(count) : 10_000;
const int Rounds = 200;

string[] english = ["mail", "smtp", "imap", "port", "password", "server", "send", "receive", "abroad", "vpn", "invoice",
    "limit", "hour", "outlook", "thunderbird", "iphone", "android", "webmail", "spam", "folder", "signature", "forward",
    "alias", "domain", "certificate", "encryption", "login", "account", "quota", "attachment", "calendar", "contacts"];
string[] swedish = ["e-post", "lösenord", "server", "skicka", "ta", "emot", "utomlands", "faktura", "gräns", "timme",
    "inställningar", "mobil", "webbmejl", "skräppost", "mapp", "signatur", "vidarebefordra", "domän", "certifikat",
    "kryptering", "inloggning", "konto", "bilaga", "kalender", "kontakter", "åtkomst", "säkerhet", "överföring"];

string[] englishCommon = ["the", "to", "your", "and", "a", "you", "in", "is", "for", "on", "it", "or", "that", "with",
    "not", "of", "this", "be", "can", "if", "are", "from", "as", "at", "by", "an", "when", "then", "open", "select",
    "choose", "enter", "check", "new", "use", "need", "settings", "address", "message", "click", "tap", "name"];
string[] swedishCommon = ["och", "att", "du", "det", "i", "på", "är", "som", "en", "för", "med", "din", "till", "av",
    "inte", "om", "kan", "har", "den", "ett", "när", "sedan", "öppna", "välj", "ange", "kontrollera", "ny", "använd",
    "behöver", "adress", "meddelande", "klicka", "tryck", "namn", "eller", "så", "vid", "från", "alla", "här"];

var random = new Random(42);
string[] syllables = ["ka", "lo", "mi", "ner", "sta", "tor", "be", "ri", "fan", "gel", "un", "dro", "pe", "vis", "ol", "tra"];
var rare = Enumerable.Range(0, 4000).Select(i => string.Concat(Enumerable.Range(0, 2 + i % 3)
    .Select(k => syllables[(i / (int)Math.Pow(syllables.Length, k) + k * 7) % syllables.Length])) + (i % 97)).Distinct().ToArray();
var zipfEnglish = new Zipf(Ranked(englishCommon, english, rare));
var zipfSwedish = new Zipf(Ranked(swedishCommon, swedish, rare));

string Words(string[] vocabulary, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
string Text(string lang, int count)
{
    if (dense)
    {
        return Words(lang == "en" ? english : swedish, count);
    }
    var zipf = lang == "en" ? zipfEnglish : zipfSwedish;
    return string.Join(' ', Enumerable.Range(0, count).Select(_ => zipf.Next(random)));
}

// Common words on top, each topical word a few ranks further down (ranks 8 to about 200), the rare tail last.
static string[] Ranked(string[] common, string[] topical, string[] tail)
{
    var ranked = new List<string>(common);
    for (var i = 0; i < topical.Length; i++)
    {
        ranked.Insert(Math.Min(ranked.Count, 8 + i * 6), topical[i]);
    }
    ranked.AddRange(tail);
    return ranked.ToArray();
}

var articles = Enumerable.Range(0, articleCount).Select(i =>
{
    var lang = i % 2 == 0 ? "en" : "sv";
    var vocabulary = lang == "en" ? english : swedish;
    return new Article
    {
        Lang = lang,
        Slug = $"article-{i}",
        Title = Words(vocabulary, 4),
        Summary = Text(lang, 12),
        Categories = ["email"],
        Updated = new DateOnly(2020, 1, 1).AddDays(random.Next(2000)),
        Tags = [vocabulary[random.Next(vocabulary.Length)]],
        SourcePath = $"articles/{lang}/article-{i}.md",
        Revision = "bench",
        Body = [],
        Headings = Enumerable.Range(0, 3).Select(h => new ArticleHeading(2, $"h{h}", Text(lang, 3))).ToList(),
        PlainText = Text(lang, 300),
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

Console.WriteLine($"articles: {articleCount} ({(dense ? "dense" : "zipf")} corpus), index build: {build.Elapsed.TotalMilliseconds:F0} ms, queries: {times.Count}");
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

/// <summary>Draws words with probability proportional to 1 / rank, as word frequencies in natural text fall.</summary>
internal sealed class Zipf(string[] ranked)
{
    private readonly double[] _cumulative = Cumulative(ranked.Length);

    public string Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return ranked[Math.Min(ranked.Length - 1, index < 0 ? ~index : index)];
    }

    private static double[] Cumulative(int count)
    {
        var sums = new double[count];
        var sum = 0.0;
        for (var rank = 1; rank <= count; rank++)
        {
            sum += 1.0 / rank;
            sums[rank - 1] = sum;
        }
        return sums;
    }
}
