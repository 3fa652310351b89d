using System.Text;

namespace HelpPortal.Mail.Tester;

/// <summary>
/// Removes the password (plain, and inside a SASL PLAIN blob) from any text that leaves the tester: the engine's
/// steps and, once more, whatever the widget shows from a result.
/// </summary>
public sealed class Redactor(string address, string password)
{
    private readonly string[] _secrets = Secrets(address, password);

    public string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }

    private static string[] Secrets(string address, string password)
    {
        if (password.Length == 0)
        {
            return [];
        }

        var plain = Encoding.UTF8.GetBytes($"\0{address}\0{password}");
        var alone = Encoding.UTF8.GetBytes(password);
        return [password, Convert.ToBase64String(plain), Convert.ToBase64String(alone)];
    }
}
