using System.Globalization;
using Bunit;
using HelpPortal.Web.Feedback;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Feedback;

public sealed class FeedbackFormTests : BunitContext
{
    public FeedbackFormTests()
    {
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
    }

    private IRenderedComponent<FeedbackForm> RenderAt(string url, string lang = "en", string slug = "troubleshooting-email")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<FeedbackForm>(p => p.Add(f => f.Article, TestContent.Article(lang, slug, "Title")));
    }

    [Fact]
    public void TheFormAsksTheQuestionWithYesAndNoAsAPlainPost()
    {
        var form = RenderAt("/en/articles/troubleshooting-email");

        Assert.Equal("Was this article helpful?", form.Find("h2").TextContent);
        var post = form.Find("form");
        Assert.Equal("post", post.GetAttribute("method"));
        Assert.Equal("/en/articles/troubleshooting-email/feedback", post.GetAttribute("action"));
        var buttons = form.FindAll("button[name=helpful]");
        Assert.Equal(["Yes", "No"], buttons.Select(b => b.TextContent));
        Assert.Equal(["yes", "no"], buttons.Select(b => b.GetAttribute("value")));
    }

    [Fact]
    public void AfterNoTheReaderMayGiveAReasonAndAComment()
    {
        var form = RenderAt("/en/articles/troubleshooting-email?feedback=no");

        var labels = form.FindAll("fieldset label").Select(l => l.TextContent);
        Assert.Equal(["Outdated", "Did not solve my problem", "Hard to follow", "Something else"], labels);
        var comment = form.Find("textarea[name=comment]");
        Assert.Equal("1000", comment.GetAttribute("maxlength"));
        Assert.Equal("Anything you want to add? (optional)", form.Find($"label[for={comment.Id}]").TextContent);
        Assert.Equal("Send", form.Find("button[type=submit]").TextContent);
        Assert.Equal("no", form.Find("input[name=helpful]").GetAttribute("value"));
    }

    [Fact]
    public void AfterSendingTheReaderIsThanked()
    {
        var form = RenderAt("/en/articles/troubleshooting-email?feedback=thanks");

        Assert.Contains("Thank you", form.Find("[role=status]").TextContent);
        Assert.Empty(form.FindAll("form"));
    }

    [Fact]
    public void TheSwedishPageAsksInSwedish()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("sv");
        var form = RenderAt("/sv/articles/felsokning-e-post", "sv", "felsokning-e-post");

        Assert.Equal("Var artikeln till hjälp?", form.Find("h2").TextContent);
        Assert.Equal(["Ja", "Nej"], form.FindAll("button[name=helpful]").Select(b => b.TextContent));
    }
}
