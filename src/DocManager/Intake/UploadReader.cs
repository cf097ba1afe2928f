using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocManager.Documents;
using DocManager.Security;
using DocManager.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DocManager.Intake;

/// <summary>
/// Reads a multipart upload as a stream: the anti-forgery token before any file byte, then each
/// file straight to a staging file under a generated name while hashing it, refusing as soon as a
/// limit is passed. Memory use does not depend on file size.
/// </summary>
public sealed class UploadReader(IOptions<UploadLimits> limits, IFileStore store, IAntiforgery antiforgery)
{
    public const string FileField = "file";
    private const string TokenField = "__RequestVerificationToken";
    private const int MaxFieldChars = 16 * 1024;
    private const int MaxFields = 200;
    private const int BufferSize = 128 * 1024;

    public async Task<UploadForm> ReadAsync(HttpContext http, long remainingQuota, CancellationToken cancellationToken)
    {
        var boundary = Boundary(http.Request);
        var rules = limits.Value;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            // Each file is limited below; the body as a whole may hold several files.
            bodyLimit.MaxRequestBodySize = null;
        }

        var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = null };
        var form = new UploadForm();
        try
        {
            await CheckAntiforgeryAsync(http, reader, cancellationToken);
            long received = 0;
            var fields = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
                {
                    throw new UploadRejectedException(StatusCodes.Status400BadRequest, FileField, "The upload is not a valid form");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (++fields > MaxFields)
                {
                    throw new UploadRejectedException(StatusCodes.Status400BadRequest, FileField, "Too many form fields");
                }

                if (disposition.IsFileDisposition())
                {
                    if (name != FileField)
                    {
                        await section.Body.DrainAsync(cancellationToken);
                        continue;
                    }

                    var file = await ReceiveFileAsync(section, disposition, form, rules, remainingQuota - received, cancellationToken);
                    received += file?.Size ?? 0;
                }
                else
                {
                    var value = await ReadFieldAsync(section.Body, cancellationToken);
                    (form.Fields.TryGetValue(name, out var values) ? values : form.Fields[name] = []).Add(value);
                }
            }

            return form;
        }
        catch (UploadRejectedException rejected)
        {
            // The page shows the fields sent before the refused file again (the form sends them first).
            rejected.Submitted = UploadForm.Submitted(form);
            await form.DisposeAsync();
            throw;
        }
        catch
        {
            await form.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Scripts send the token as a header. A plain form puts its hidden token field first (the
    /// upload page renders it first), so a forged request is refused before any file is read.
    /// </summary>
    private async Task CheckAntiforgeryAsync(HttpContext http, MultipartReader reader, CancellationToken cancellationToken)
    {
        if (!http.Request.Headers.ContainsKey(SecuritySetup.CsrfHeaderName))
        {
            var first = await reader.ReadNextSectionAsync(cancellationToken);
            if (first is null || !ContentDispositionHeaderValue.TryParse(first.ContentDisposition, out var disposition) ||
                !disposition.IsFormDisposition() || HeaderUtilities.RemoveQuotes(disposition.Name).Value != TokenField)
            {
                throw Forged();
            }

            http.Request.Headers[SecuritySetup.CsrfHeaderName] = await ReadFieldAsync(first.Body, cancellationToken);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            throw Forged();
        }
    }

    private static UploadRejectedException Forged() =>
        new(StatusCodes.Status400BadRequest, FileField, "This form has expired or did not come from DocManager. Reload the page and try again.");

    private async Task<ReceivedFile?> ReceiveFileAsync(
        MultipartSection section, ContentDispositionHeaderValue disposition, UploadForm form, UploadLimits rules, long quotaLeft, CancellationToken cancellationToken)
    {
        var originalName = BareFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
        if (originalName.Length == 0)
        {
            // A file input left empty: browsers still send the part, with no name and no bytes.
            form.HadEmptyFileField = true;
            await section.Body.DrainAsync(cancellationToken);
            return null;
        }

        var dot = originalName.LastIndexOf('.');
        var extension = dot < 0 ? "" : originalName[(dot + 1)..].ToLowerInvariant();
        if (!rules.Allows(extension))
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, FileField,
                extension.Length == 0 ? "Files without an extension are not allowed" : $"File type .{extension} not allowed");
        }

        if (form.Files.Count >= rules.MaxFilesPerUpload)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, FileField, $"At most {rules.MaxFilesPerUpload} files per upload");
        }

        var storedName = StoredName.New();
        var file = new ReceivedFile(storedName, originalName, extension, Path.Combine(store.StagingDirectory, storedName + ".upload"));
        form.Files.Add(file); // added before writing, so a failure part-way still deletes it
        await WriteStagedAsync(section.Body, file, rules.MaxFileBytes, quotaLeft, cancellationToken);
        return file;
    }

    private static async Task WriteStagedAsync(Stream body, ReceivedFile file, long maxBytes, long quotaLeft, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var output = new FileStream(file.StagedPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            long size = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, FileField,
                        $"File too large: the limit is {FormatBytes(maxBytes)}");
                }

                if (size > quotaLeft)
                {
                    throw new UploadRejectedException(StatusCodes.Status403Forbidden, FileField, "Storage quota exceeded");
                }

                hash.AppendData(buffer, 0, read);
                await OnDiskAsync(() => output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).AsTask());
            }

            // On disk before the database row says it exists.
            await OnDiskAsync(() =>
            {
                output.Flush(flushToDisk: true);
                return Task.CompletedTask;
            });
            file.Size = size;
            file.Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A disk that is full or failing is the server's problem, not the user's: say so, keep nothing.</summary>
    private static async Task OnDiskAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (IOException exception)
        {
            throw new UploadRejectedException(StatusCodes.Status507InsufficientStorage, FileField,
                "The server has no room for this upload right now; nothing was saved. Try again later.", exception);
        }
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[MaxFieldChars + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (length > MaxFieldChars)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, FileField, "A form field is too long");
        }

        return new string(buffer, 0, length);
    }

    /// <summary>Everything up to the last `/` or `\` is removed: the name is data, never a path.</summary>
    internal static string BareFileName(string? name)
    {
        var bare = (name ?? "")[((name ?? "").LastIndexOfAny(['/', '\\']) + 1)..];
        bare = new string([.. bare.Where(c => !char.IsControl(c))]).Trim();
        if (bare.Length > 255)
        {
            var dot = bare.LastIndexOf('.');
            var extension = dot > 0 && bare.Length - dot <= 16 ? bare[dot..] : "";
            bare = bare[..(255 - extension.Length)] + extension;
        }

        return bare is "." or ".." ? "" : bare;
    }

    private static string Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, FileField, "Send the files as multipart/form-data");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70
            ? throw new UploadRejectedException(StatusCodes.Status400BadRequest, FileField, "The upload has no valid multipart boundary")
            : boundary;
    }

    private static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB");
}
