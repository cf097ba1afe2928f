using System.Text;

namespace DocManager.Previews;

/// <summary>
/// Reads a program's output stream to its end but keeps only the first bytes: a program that
/// prints without end must neither fill our memory nor block on a full pipe.
/// </summary>
internal sealed class BoundedOutput(Stream stream, int limit)
{
    private readonly byte[] kept = new byte[limit];
    private int length;

    public async Task ReadToEndAsync()
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            var taken = Math.Min(limit - length, read);
            buffer.AsSpan(0, taken).CopyTo(kept.AsSpan(length));
            length += taken;
        }
    }

    public string Text => Encoding.UTF8.GetString(kept, 0, length);
}
