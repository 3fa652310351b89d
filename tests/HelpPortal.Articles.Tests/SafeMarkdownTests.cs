namespace HelpPortal.Articles.Tests;

public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("/en/articles/help")]
    [InlineData("#abroad")]
    [InlineData("logo.png")]
    [InlineData("https://example.com/a:b")]
    [InlineData("MAILTO:support@example.com")]
    [InlineData("tel:+4612345")]
    [InlineData("/path?x=a:b")]
    public void ARelativeOrWellKnownSchemeIsSafe(string url) => Assert.True(SafeMarkdown.IsSafeUrl(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" java\tscript:alert(1)")]
    [InlineData("java\u0000script:alert(1)")]
    [InlineData("vbscript:x")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public void AnyOtherSchemeIsNot(string url) => Assert.False(SafeMarkdown.IsSafeUrl(url));
}
