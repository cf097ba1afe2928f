using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace DocManager.Storage;

/// <summary>
/// A read-only, seekable view of one S3 object that fetches only what is read, with ranged GETs. It
/// lets the framework's file result serve `Range` (206), `If-None-Match` (304) and 416 from S3 just
/// as it does from a disk: a seek costs nothing, and a read opens a range starting there. Ranges start
/// small (a 1 MiB range of a large file reads 1 MiB) and double while reading goes on sequentially.
/// </summary>
internal sealed class S3ObjectStream(IAmazonS3 client, string bucket, string key, long length) : Stream
{
    public const long FirstWindow = 1024 * 1024;
    private const long LargestWindow = 32 * 1024 * 1024;

    private GetObjectResponse? _response;
    private Stream? _body;
    private long _bodyEnd; // exclusive end of the open range
    private long _window = FirstWindow;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (target != _position)
        {
            CloseRange();
            _window = FirstWindow; // a jump starts a new, small range
            _position = target;
        }

        return _position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        if (_body is null)
        {
            await OpenRangeAsync(cancellationToken);
        }

        var read = await _body!.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _bodyEnd - _position)], cancellationToken);
        if (read == 0)
        {
            throw new IOException($"S3 ended the object {key} early, at byte {_position} of {length}.");
        }

        _position += read;
        if (_position == _bodyEnd)
        {
            CloseRange();
            _window = Math.Min(_window * 2, LargestWindow);
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>
    /// Parsers that only read synchronously (text extraction) run on a worker thread, where waiting
    /// for the next range is acceptable; request threads always read asynchronously.
    /// </summary>
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    private async Task OpenRangeAsync(CancellationToken cancellationToken)
    {
        var end = Math.Min(_position + _window, length);
        try
        {
            _response = await client.GetObjectAsync(new GetObjectRequest
            {
                BucketName = bucket,
                Key = key,
                ByteRange = new ByteRange(_position, end - 1),
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is AmazonServiceException or HttpRequestException)
        {
            throw new FileStoreException($"The file store could not read {key}.", exception);
        }

        _body = _response.ResponseStream;
        _bodyEnd = end;
    }

    private void CloseRange()
    {
        _body?.Dispose();
        _response?.Dispose();
        _body = null;
        _response = null;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseRange();
        }

        base.Dispose(disposing);
    }
}
