using DocManager.Previews;

namespace DocManager.Tests.Previews;

/// <summary>An image file is read into memory for decoding only up to a bound, whatever the upload limit allows.</summary>
public sealed class ImageBytesTests
{
    [Fact]
    public async Task AFileWithinTheBound_IsReadWhole()
    {
        var png = TestImages.Png(20, 10);

        Assert.Equal(png, await ImageBytes.ReadAsync(new MemoryStream(png), TestContext.Current.CancellationToken));
        Assert.Equal(png, await ImageBytes.ReadAsync(new UnseekableStream(png), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AFileBeyondTheBound_IsRefusedBeforeBeingRead()
    {
        using var huge = new ClaimedLengthStream(ImageBytes.MaxBytes + 1);

        Assert.Null(await ImageBytes.ReadAsync(huge, TestContext.Current.CancellationToken));
        Assert.Equal(0, huge.BytesRead);
    }

    /// <summary>A stream that cannot seek, as a network body is.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>A seekable stream that says it is longer than it is, and counts what is read from it.</summary>
    private sealed class ClaimedLengthStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = offset;

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
