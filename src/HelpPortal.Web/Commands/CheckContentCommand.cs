namespace HelpPortal.Web.Commands;

internal static class CheckContentCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output)
    {
        await output.WriteLineAsync("check-content: not implemented yet");
        return 1;
    }
}
