using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Intake;

/// <summary>Uploads are streamed to disk: a file's size does not become memory, however large.</summary>
public sealed class StreamingUploadTests
{
    private const long FileSize = 256L * 1024 * 1024;

    [Fact]
    public async Task QuarterGigabyteUpload_AllocatesFarLessThanItsSize_AndArrivesIntact()
    {
        // Web only: the upload's background jobs (its preview, its text) would otherwise start in this
        // process as soon as it commits, and their allocations would be counted as the upload's.
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Limits:MaxFileBytes"] = (1L << 30).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Instance:Role"] = "web",
        });
        using var browser = await app.NewUserAsync();
        var token = await browser.FormTokenAsync("/upload", "/upload");
        var body = new GeneratedPdfContent(FileSize);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { body, "file", "big.pdf" },
        };

        // Allocation by this whole process (test client and app), measured around the upload.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await browser.Http.PostAsync(new Uri("/upload", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(allocated < FileSize / 4, $"allocated {allocated / (1024 * 1024)} MiB while uploading {FileSize / (1024 * 1024)} MiB");
        var document = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(FileSize, document.Size);
        Assert.Equal(body.Sha256, document.Sha256);
        Assert.Equal(FileSize, new FileInfo(Assert.Single(app.StoredFiles())).Length);
    }

    /// <summary>A PDF-looking body written in 64 KiB chunks from one reused buffer, hashed as it goes.</summary>
    private sealed class GeneratedPdfContent : HttpContent
    {
        private readonly long _size;
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public GeneratedPdfContent(long size)
        {
            _size = size;
            Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        }

        public string Sha256 { get; private set; } = "";

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var buffer = new byte[64 * 1024];
            Random.Shared.NextBytes(buffer);
            "%PDF-1.7\n"u8.CopyTo(buffer);
            for (long written = 0; written < _size;)
            {
                var count = (int)Math.Min(buffer.Length, _size - written);
                _hash.AppendData(buffer, 0, count);
                await stream.WriteAsync(buffer.AsMemory(0, count));
                written += count;
                buffer[^1]++; // vary the content a little from chunk to chunk
            }

            Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _size;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
