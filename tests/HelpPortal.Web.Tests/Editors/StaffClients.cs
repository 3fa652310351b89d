using System.Net;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Tests.Feedback;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HelpPortal.Web.Tests.Editors;

/// <summary>Clients for a running portal: anonymous, or signed in through the login page as a new staff account.</summary>
internal static class StaffClients
{
    private const string Password = "correct horse battery";

    public static HttpClient Anonymous(WebApplicationFactory<Program> portal) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Adds an account with <paramref name="role"/> through the add-user command, then signs it in.</summary>
    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> portal, string role)
    {
        var email = $"{role.ToLowerInvariant()}@example.com";
        using var output = new StringWriter();
        var exit = await AddUserCommand.RunAsync(portal.Services, [email, "--role", role], new StringReader(Password + "\n"), output);
        Assert.True(exit == 0, output.ToString());

        var client = Anonymous(portal);
        var response = await FeedbackPortal.PostFormAsync(client, "/account/login", "/account/login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther,
            $"sign-in answered {(int)response.StatusCode}");
        return client;
    }
}
