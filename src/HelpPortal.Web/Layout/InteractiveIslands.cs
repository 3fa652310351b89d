using System.Runtime.CompilerServices;
using HelpPortal.Articles;
using HelpPortal.Web.Reader;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;

namespace HelpPortal.Web.Layout;

/// <summary>Marks a page that always holds an interactive island (it loads the framework script).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class InteractiveIslandAttribute : Attribute;

/// <summary>
/// Plain pages carry no framework state. The framework writes a page's persisted component state (an encrypted,
/// per-visitor blob holding an antiforgery token) whenever the endpoint allows an interactive render mode. A page
/// without an island is served through a copy of its endpoint that allows none, so it writes no state, needs no
/// antiforgery token and loads no <c>blazor.web.js</c>; forms on it are plain posts. Only the pages with the mail
/// tester or the editor preview keep the interactive endpoint.
/// </summary>
internal static class InteractiveIslands
{
    // The framework's type for an endpoint's render modes is internal; it is found on the endpoint itself and
    // replaced by one with no modes through its public constructor (checked by the plain-page tests).
    private const string RenderModesMetadata = "Microsoft.AspNetCore.Components.Endpoints.ConfiguredRenderModesMetadata";

    private static readonly ConditionalWeakTable<RouteEndpoint, RouteEndpoint> PlainCopies = new();

    public static IApplicationBuilder UsePlainPages(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is RouteEndpoint endpoint
                && endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                && endpoint.Metadata.GetMetadata<PlainPage>() is null
                && !HasIsland(context, endpoint))
            {
                context.SetEndpoint(PlainCopies.GetValue(endpoint, PlainCopy));
            }
            return next(context);
        });

    /// <summary>Whether the page being rendered may hold an interactive island, so the layout loads the framework script.</summary>
    public static bool Loaded(HttpContext? context) => context?.GetEndpoint()?.Metadata.GetMetadata<PlainPage>() is null;

    private static bool HasIsland(HttpContext context, Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<InteractiveIslandAttribute>() is not null)
        {
            return true;
        }
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type != typeof(ArticlePage))
        {
            return false;
        }
        // An article holds an island when its Markdown places an interactive widget (the mail tester).
        var values = context.Request.RouteValues;
        if (values["Lang"] is not string lang || values["Slug"] is not string slug || !ContentCatalog.IsLanguage(lang))
        {
            return false;
        }
        var article = context.RequestServices.GetRequiredService<IContentCatalogSource>().Current.Find(lang, slug);
        return article is not null && article.Body.OfType<WidgetSegment>().Any(w => IsInteractive(w.Name));
    }

    private static bool IsInteractive(string widget) =>
        WidgetRegistry.Find(widget) is { } type && type.IsDefined(typeof(RenderModeAttribute), inherit: true);

    private static RouteEndpoint PlainCopy(RouteEndpoint endpoint)
    {
        var metadata = endpoint.Metadata
            .Select(m => m.GetType().FullName == RenderModesMetadata ? NoRenderModes(m.GetType()) : m)
            .Append(new PlainPage());
        return new RouteEndpoint(endpoint.RequestDelegate!, endpoint.RoutePattern, endpoint.Order,
            new EndpointMetadataCollection(metadata), endpoint.DisplayName);
    }

    private static object NoRenderModes(Type type) =>
        Activator.CreateInstance(type, [Array.Empty<IComponentRenderMode>()])
        ?? throw new InvalidOperationException($"Cannot create {RenderModesMetadata} without render modes.");

    /// <summary>On the copy of a page's endpoint that allows no interactive render mode.</summary>
    private sealed class PlainPage;
}
