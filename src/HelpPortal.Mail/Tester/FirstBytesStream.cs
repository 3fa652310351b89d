using System.Diagnostics;

namespace HelpPortal.Mail.Tester;

/// <summary>
/// Remembers the first bytes the server sent, to tell a plain-text greeting from a TLS record, and when the client
/// began a TLS handshake over it, so a STARTTLS upgrade can be timed apart from the plain-text talk before it.
/// </summary>
internal sealed class FirstBytesStream(Stream inner) : Stream
{
    private readonly byte[] _first = new byte[4];
    private int _seen;

    /// <summary>A TLS record starts with 0x14-0x17; an IMAP or SMTP greeting starts with <c>*</c> or a digit.</summary>
    public bool SawPlainText => _seen > 0 && _first[0] is >= 0x20 and < 0x7f;

    /// <summary>The <see cref="Stopwatch"/> timestamp of the client's TLS hello, if one was written.</summary>
    public long? TlsHelloWrittenAt { get; private set; }

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => inner.CanWrite;
    public override bool CanTimeout => inner.CanTimeout;
    public override int ReadTimeout { get => inner.ReadTimeout; set => inner.ReadTimeout = value; }
    public override int WriteTimeout { get => inner.WriteTimeout; set => inner.WriteTimeout = value; }
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Remember(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Remember(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Watch(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Watch(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    // A TLS handshake record (0x16, version 0x03 0x0n) never begins an IMAP or SMTP command line.
    private void Watch(ReadOnlySpan<byte> written)
    {
        if (TlsHelloWrittenAt is null && written.Length > 2 && written[0] == 0x16 && written[1] == 0x03)
        {
            TlsHelloWrittenAt = Stopwatch.GetTimestamp();
        }
    }

    private int Remember(ReadOnlySpan<byte> read)
    {
        var take = Math.Min(read.Length, _first.Length - _seen);
        read[..take].CopyTo(_first.AsSpan(_seen));
        _seen += take;
        return read.Length;
    }
}
