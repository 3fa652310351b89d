using System.Text;

namespace HelpPortal.Mail.Tests.Replay;

/// <summary>
/// Plays a recorded server conversation to a real MailKit client, in the manner of MailKit's own
/// ImapReplayStream/SmtpReplayStream. Transcript lines: <c>S: text</c> the server sends, <c>C: text</c> the
/// client must send (a trailing <c>*</c> matches the rest of the line, e.g. the SASL blob), <c>C: !data</c> the
/// body of a DATA command up to the lone dot, <c>!hang</c> the server stops answering, <c>#</c> a comment.
/// </summary>
internal sealed class ReplayStream : Stream
{
    private readonly List<(char Kind, string Text)> _script;
    private readonly MemoryStream _toClient = new();
    private readonly StringBuilder _fromClient = new();
    private int _next;

    // MailKit gives each ImapClient its own tag letter (A, B, C...); transcripts are written with A.
    private char _tagLetter = 'A';

    public ReplayStream(IEnumerable<string> transcript)
    {
        _script = transcript
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line == "!hang" ? ('!', "") : (line[0], line.Length > 3 ? line[3..] : ""))
            .ToList();
        QueueServerLines();
    }

    public static ReplayStream FromResource(string name) =>
        new(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Resources", name)));

    /// <summary>Every line the client sent, in order.</summary>
    public List<string> ClientLines { get; } = [];

    /// <summary>True when the server's side of the script starts by waiting (a port that never greets).</summary>
    public bool StartsSilent => _toClient.Length == 0;

    public bool Finished => _next >= _script.Count;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_toClient.Position < _toClient.Length)
        {
            return _toClient.Read(buffer.Span);
        }

        if (_next < _script.Count && _script[_next].Kind == '!')
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (_next >= _script.Count)
        {
            return 0;
        }

        throw new InvalidOperationException($"Replay: the client reads, but the script waits for it to send: {_script[_next].Text}");
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        _fromClient.Append(Encoding.UTF8.GetString(buffer, offset, count));
        var text = _fromClient.ToString();
        int end;
        while ((end = text.IndexOf("\r\n", StringComparison.Ordinal)) >= 0)
        {
            Accept(text[..end]);
            text = text[(end + 2)..];
        }

        _fromClient.Clear().Append(text);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.ToArray(), 0, buffer.Length);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Accept(string line)
    {
        ClientLines.Add(line);
        if (IsTagged(line))
        {
            _tagLetter = line[0];
            line = "A" + line[1..];
        }

        if (_next >= _script.Count || _script[_next].Kind != 'C')
        {
            throw new InvalidOperationException($"Replay: the client sent an unexpected line: {line}");
        }

        var expected = _script[_next].Text;
        if (expected == "!data")
        {
            if (line == ".")
            {
                _next++;
                QueueServerLines();
            }

            return;
        }

        var matches = expected.EndsWith('*')
            ? line.StartsWith(expected[..^1], StringComparison.Ordinal)
            : line == expected;
        if (!matches)
        {
            throw new InvalidOperationException($"Replay: expected the client to send '{expected}' but it sent '{line}'");
        }

        _next++;
        QueueServerLines();
    }

    private static bool IsTagged(string line) =>
        line.Length > 9 && char.IsAsciiLetterUpper(line[0]) && line[1..9].All(char.IsAsciiDigit) && line[9] == ' ';

    private void QueueServerLines()
    {
        var position = _toClient.Position;
        _toClient.Seek(0, SeekOrigin.End);
        while (_next < _script.Count && _script[_next].Kind == 'S')
        {
            var text = _script[_next].Text;
            var bytes = Encoding.UTF8.GetBytes((IsTagged(text) ? _tagLetter + text[1..] : text) + "\r\n");
            _toClient.Write(bytes);
            _next++;
        }

        _toClient.Position = position;
    }
}
