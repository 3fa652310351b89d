namespace HelpPortal.Web.Reader.Cache;

/// <summary>The <c>ReaderCache</c> section of the configuration.</summary>
internal sealed class ReaderCacheOptions
{
    public const string SectionName = "ReaderCache";

    /// <summary>
    /// The memory the stored reader pages may take, all three encodings of each counted. 64 MiB holds about 1,500
    /// article pages of the shipped size; 0 turns the store off (every page is rendered for every request).
    /// </summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;
}

/// <summary>Marks a reader page that an anonymous reader may get from the store (see <see cref="ReaderPageCache"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StoredForReadersAttribute : Attribute;
