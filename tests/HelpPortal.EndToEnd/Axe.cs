using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace HelpPortal.EndToEnd;

/// <summary>
/// axe-core, the copy bundled with Deque.AxeCore.Playwright, run straight in the page. The package's
/// <c>RunAxe</c> injects the 650 KB script and ships the whole result back on every call: seconds around an
/// analysis that takes a fraction of one. Here the script goes in once per document and only the serious
/// and critical violations come back, already summarised for a failure message.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    private const string Run = """
        async rules => {
          const options = { resultTypes: ['violations'] };
          if (rules) options.runOnly = { type: 'rule', values: rules };
          const results = await axe.run(document, options);
          return JSON.stringify(results.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.slice(0, 5)
              .map(n => `    ${n.target.join(' ')} ${n.html}\n      ${(n.failureSummary || '').replaceAll('\n', ' ')}`)
              .join('\n')));
        }
        """;

    /// <summary>The serious and critical violations on the page as it is now, one description each.</summary>
    /// <param name="rules">Only these rule ids; every rule when null.</param>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string[]? rules = null)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Evaluated rather than added as a script tag, so a Content-Security-Policy cannot block it.
            await page.EvaluateAsync(Script.Value);
        }
        var json = await page.EvaluateAsync<string>(Run, rules);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
