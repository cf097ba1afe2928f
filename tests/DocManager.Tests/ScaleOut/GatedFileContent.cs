using System.Net;
using System.Net.Http.Headers;

namespace DocManager.Tests.ScaleOut;

/// <summary>
/// A file part that streams its first <c>sendFirst</c> bytes, reports that, and sends the rest only
/// when the test opens the gate: an upload the test can catch in the middle, deterministically.
/// </summary>
public sealed class GatedFileContent : HttpContent
{
    private readonly byte[] _bytes;
    private readonly int _sendFirst;
    private readonly Task _gate;
    private readonly TaskCompletionSource _firstPartSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatedFileContent(byte[] bytes, int sendFirst, Task gate, string contentType)
    {
        _bytes = bytes;
        _sendFirst = sendFirst;
        _gate = gate;
        Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
    }

    /// <summary>Completes once the first part is written to the connection.</summary>
    public Task FirstPartSent => _firstPartSent.Task;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        const int Chunk = 64 * 1024;
        try
        {
            for (var offset = 0; offset < _bytes.Length; offset += Chunk)
            {
                if (offset >= _sendFirst && !_firstPartSent.Task.IsCompleted)
                {
                    await stream.FlushAsync();
                    _firstPartSent.TrySetResult();
                    await _gate;
                }

                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(Chunk, _bytes.Length - offset)));
            }
        }
        catch (Exception exception)
        {
            // A test waiting for the first part must hear that it will never come.
            _firstPartSent.TrySetException(exception);
            throw;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _bytes.Length;
        return true;
    }
}
