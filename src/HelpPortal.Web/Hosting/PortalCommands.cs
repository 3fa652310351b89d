namespace HelpPortal.Web.Hosting;

/// <summary>The command-line verbs listed in README.md ("Run it"); anything else starts the web server.</summary>
internal static class PortalCommands
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is "check-content" or "add-user" or "backup";

    public static Task<int> RunAsync(WebApplication app, string[] args) => args[0] switch
    {
        "check-content" => CheckContentCommand.RunAsync(app, args[1..], Console.Out),
        "add-user" => AddUserCommand.RunAsync(app, args[1..], Console.In, Console.Out),
        "backup" => BackupCommand.RunAsync(app, args[1..], Console.Out),
        _ => Task.FromResult(2),
    };
}
