namespace HelpPortal.Web.Commands;

internal static class AddUserCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextReader input, TextWriter output)
    {
        await output.WriteLineAsync("add-user: not implemented yet");
        return 1;
    }
}
