using System.Net;
using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Tests.Feedback;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Hosting;

/// <summary>
/// Two hosts one after the other on the same SQLite file, the way a restart or a second instance sees it:
/// whatever the first protected (staff cookie, antiforgery token, visitor cookie) the second must read.
/// </summary>
public sealed class KeysSurviveRestartTests : IDisposable
{
    private const string Article = "/en/articles/troubleshooting-email";
    private readonly string _folder = Directory.CreateTempSubdirectory("helpportal-restart-").FullName;

    private PortalFactory StartPortal() => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(_folder, "portal.db")}",
    });

    [Fact]
    public async Task CookiesAndTokensIssuedBeforeARestartStillWork()
    {
        var browser = new CookieContainer();
        Dictionary<string, string> oldForm;
        using (var before = StartPortal())
        {
            using var output = new StringWriter();
            var added = await AddUserCommand.RunAsync(before.Services, ["lead@example.com", "--role", StaffRoles.SupportLead],
                new StringReader("a long enough passphrase 1\n"), output);
            Assert.True(added == 0, output.ToString());
            using var client = before.CreateDefaultClient(new CookieContainerHandler(browser));
            var signIn = await FeedbackPortal.PostFormAsync(client, "/account/login", "/account/login", new()
            {
                ["Input.Email"] = "lead@example.com",
                ["Input.Password"] = "a long enough passphrase 1",
            });
            Assert.True(signIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"sign-in answered {(int)signIn.StatusCode}");
            var vote = await FeedbackPortal.PostFormAsync(client, Article, $"{Article}/feedback", new() { ["helpful"] = "yes" });
            Assert.Equal(HttpStatusCode.SeeOther, vote.StatusCode);
            oldForm = FeedbackPortal.HiddenFields(await client.GetStringAsync(Article));

            // The key ring lives in the store, not in a folder of this machine that a second instance could not see.
            using var scope = before.Services.CreateScope();
            Assert.NotEmpty(scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys);
        }

        using var after = StartPortal();
        using var again = after.CreateDefaultClient(new CookieContainerHandler(browser));

        // The staff cookie from before the restart still signs the lead in.
        var dashboard = await again.GetAsync("/admin/feedback");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        // The visitor cookie from before the restart still names the same visitor: the vote replaces the
        // earlier one instead of adding a second.
        oldForm["helpful"] = "no";
        var revote = await FeedbackPortal.PostFromOwnPageAsync(again, $"{Article}/feedback", oldForm);
        Assert.Equal(HttpStatusCode.SeeOther, revote.StatusCode);
        Assert.Equal((0, 1), await after.Services.GetRequiredService<VoteStore>()
            .CountAsync(new VoteFilter(Lang: "en", Slug: "troubleshooting-email"), default));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the OS cleans temp folders.
        }
    }
}
