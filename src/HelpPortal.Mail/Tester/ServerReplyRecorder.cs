using System.Text;
using MailKit;

namespace HelpPortal.Mail.Tester;

/// <summary>
/// A MailKit protocol logger that keeps only what the server said, so replies (greetings, <c>NO [CONTACTADMIN]</c>,
/// <c>535 5.7.8</c>) can be classified and shown. What the client sends, where the credentials travel, is
/// never looked at or kept.
/// </summary>
internal sealed class ServerReplyRecorder : IProtocolLogger
{
    private const int MaxLines = 40;
    private readonly List<string> _lines = [];
    private readonly StringBuilder _partial = new();
    private readonly object _gate = new();

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; } = new NoSecrets();

    /// <summary>Lines received so far; an index into this marks where a step started.</summary>
    public int Count
    {
        get { lock (_gate) { return _lines.Count; } }
    }

    public IReadOnlyList<string> LinesSince(int mark)
    {
        lock (_gate)
        {
            return _lines.Skip(Math.Min(mark, _lines.Count)).ToList();
        }
    }

    public void LogConnect(Uri uri)
    {
    }

    public void LogClient(byte[] buffer, int offset, int count)
    {
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            _partial.Append(Encoding.UTF8.GetString(buffer, offset, count));
            var text = _partial.ToString();
            var end = text.LastIndexOf('\n');
            if (end < 0)
            {
                return;
            }

            foreach (var line in text[..end].Split('\n'))
            {
                _lines.Add(line.TrimEnd('\r'));
            }

            _partial.Clear().Append(text[(end + 1)..]);
            if (_lines.Count > MaxLines)
            {
                // Keep marks meaningful: drop from the front only what no step can still need.
                _lines.RemoveRange(0, _lines.Count - MaxLines);
            }
        }
    }

    public void Dispose()
    {
    }

    private sealed class NoSecrets : IAuthenticationSecretDetector
    {
        public IList<AuthenticationSecret> DetectSecrets(byte[] buffer, int offset, int count) => [];
    }
}
