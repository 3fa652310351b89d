using Microsoft.AspNetCore.Routing;

namespace HelpPortal.Web.Reader.Cache;

internal static class ReaderCacheFeature
{
    public static WebApplicationBuilder AddReaderCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReaderCacheOptions>()
            .BindConfiguration(ReaderCacheOptions.SectionName)
            .Validate(o => o.MaxBytes >= 0,
                $"{ReaderCacheOptions.SectionName}:MaxBytes must be 0 (no stored pages) or a number of bytes, such as 67108864 for 64 MiB.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ReaderPageStore>();
        return builder;
    }

    /// <summary>After authentication (signed-in staff are answered live), before the page endpoints.</summary>
    public static IApplicationBuilder UseReaderCache(this IApplicationBuilder app) => app.UseMiddleware<ReaderPageCache>();

    /// <summary>Reader pages answer HEAD as well as GET (from the store, without a body).</summary>
    public static TBuilder AllowHeadOnReaderPages<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (!endpoint.Metadata.OfType<StoredForReadersAttribute>().Any())
            {
                return;
            }
            var index = endpoint.Metadata.ToList().FindIndex(m => m is HttpMethodMetadata);
            if (index >= 0 && endpoint.Metadata[index] is HttpMethodMetadata methods && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata[index] = new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head]);
            }
        });
        return builder;
    }
}
