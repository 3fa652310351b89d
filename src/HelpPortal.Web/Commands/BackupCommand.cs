namespace HelpPortal.Web.Commands;

internal static class BackupCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output)
    {
        await output.WriteLineAsync("backup: not implemented yet");
        return 1;
    }
}
