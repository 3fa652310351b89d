using HelpPortal.Web.Hosting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Tests.Hosting;

/// <summary>A <see cref="PublicOrigin"/> for component tests, which have no host and no request.</summary>
internal static class TestOrigins
{
    public static PublicOrigin Unconfigured() => Configured(null);

    public static PublicOrigin Configured(string? publicUrl) => new(
        Options.Create(new PortalOptions { PublicUrl = publicUrl }),
        Options.Create(new HostFilteringOptions { AllowedHosts = ["localhost"] }),
        new HttpContextAccessor());
}
