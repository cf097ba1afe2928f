using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocManager.Documents;
using DocManager.Hosting;
using DocManager.Security;
using DocManager.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DocManager.Intake;

/// <summary>
/// Reads a multipart upload as a stream, its parts in whatever order the client sent them: each file
/// straight to a staging file under a generated name while hashing it, refusing as soon as a limit is
/// passed, and each field into the form. Memory use does not depend on file size. The anti-forgery
/// token may come in the header (scripts) or as a part anywhere in the body (plain forms, curl);
/// until it has been checked a staged file is only a temporary file, which the form deletes unless
/// the upload is accepted.
/// </summary>
public sealed class UploadReader(IOptions<UploadLimits> limits, IFileStore store, IAntiforgery antiforgery)
{
    public const string FileField = "file";
    private const string TokenField = "__RequestVerificationToken";
    private const int MaxFieldChars = 16 * 1024;
    private const int MaxFields = 200;
    private const int BufferSize = 128 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the whole body into <paramref name="form"/>; throws <see cref="UploadRefusedException"/> with what is wrong.</summary>
    public async Task ReadAsync(HttpContext http, UploadForm form, long remainingQuota, CancellationToken cancellationToken)
    {
        var boundary = Boundary(http.Request);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            // Each file is limited below; the body as a whole may hold several files.
            bodyLimit.MaxRequestBodySize = null;
        }

        // A script's token is checked before a byte of the body is read.
        var verified = http.Request.Headers.ContainsKey(SecuritySetup.CsrfHeaderName) && await VerifyAsync(http);
        var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = null };
        try
        {
            long received = 0;
            var fields = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++fields > MaxFields)
                {
                    throw Refused("Too many form fields");
                }

                var (name, disposition) = Disposition(section);
                if (disposition.IsFileDisposition())
                {
                    if (name == FileField)
                    {
                        received += await ReceiveFileAsync(section, disposition, form, remainingQuota - received, cancellationToken);
                    }
                    else
                    {
                        await section.Body.DrainAsync(cancellationToken);
                    }
                }
                else if (name == TokenField)
                {
                    var token = await ReadFieldAsync(section.Body, name, cancellationToken);
                    if (!verified)
                    {
                        http.Request.Headers[SecuritySetup.CsrfHeaderName] = token;
                        verified = await VerifyAsync(http);
                    }
                }
                else if (form.Values(name).Count > 0 && !InputGuard.MayRepeat(name))
                {
                    throw Refused(InputGuard.GivenTwice(Printable(name)));
                }
                else
                {
                    form.Add(name, await ReadFieldAsync(section.Body, name, cancellationToken));
                }
            }
        }
        catch (IOException exception)
        {
            // The body itself broke off (the disk's own failures are refused with 507 where they happen).
            throw exception is BadHttpRequestException { StatusCode: not StatusCodes.Status400BadRequest } bad
                ? new UploadRefusedException(Refusal.Of(bad.StatusCode, FileField, bad.Message), exception)
                : Refused("The upload ended before its closing boundary: the form was cut off on the way. Nothing was saved; try again.", exception);
        }
        catch (InvalidDataException exception)
        {
            // The reader's own limits on a part's headers and lines.
            throw Refused($"The upload is not a valid multipart form ({exception.Message.TrimEnd('.')}).", exception);
        }

        if (!verified)
        {
            throw Refused($"The form has no anti-forgery token: send the page's {TokenField} field, or its csrf-token in the {SecuritySetup.CsrfHeaderName} header.");
        }
    }

    private async Task<bool> VerifyAsync(HttpContext http) => await antiforgery.IsRequestValidAsync(http)
        ? true
        : throw Refused("The form's anti-forgery token is not valid for this session (it belongs to another session, another user or was altered). Reload the page and try again.");

    private static (string Name, ContentDispositionHeaderValue Disposition) Disposition(MultipartSection section)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ||
            !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
        {
            throw Refused("The upload is not a valid form: every part needs a Content-Disposition of form-data with a name.");
        }

        return (HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "", disposition);
    }

    /// <summary>Stages one file part and returns its size (0 for an empty file input).</summary>
    private async Task<long> ReceiveFileAsync(
        MultipartSection section, ContentDispositionHeaderValue disposition, UploadForm form, long quotaLeft, CancellationToken cancellationToken)
    {
        var rules = limits.Value;
        var originalName = BareFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
        if (originalName.Length == 0)
        {
            // A file input left empty: browsers still send the part, with no name and no bytes.
            await section.Body.DrainAsync(cancellationToken);
            return 0;
        }

        var dot = originalName.LastIndexOf('.');
        var extension = dot < 0 ? "" : originalName[(dot + 1)..].ToLowerInvariant();
        if (!rules.Allows(extension))
        {
            throw Refused(extension.Length == 0 ? "Files without an extension are not allowed" : $"File type .{extension} not allowed");
        }

        if (form.Files.Count >= rules.MaxFilesPerUpload)
        {
            throw Refused($"At most {rules.MaxFilesPerUpload} files per upload");
        }

        var storedName = StoredName.New();
        var file = new ReceivedFile(storedName, originalName, extension, Path.Combine(store.StagingDirectory, storedName + ".upload"));
        form.Files.Add(file); // added before writing, so a failure part-way still deletes it
        await WriteStagedAsync(section.Body, file, rules.MaxFileBytes, quotaLeft, cancellationToken);
        return file.Size;
    }

    private static async Task WriteStagedAsync(Stream body, ReceivedFile file, long maxBytes, long quotaLeft, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var output = OnDisk(() => new FileStream(file.StagedPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous));
            long size = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    throw new UploadRefusedException(Refusal.Of(StatusCodes.Status413PayloadTooLarge, FileField, $"File too large: the limit is {FormatBytes(maxBytes)}"));
                }

                if (size > quotaLeft)
                {
                    throw new UploadRefusedException(Refusal.Of(StatusCodes.Status403Forbidden, FileField, "Storage quota exceeded"));
                }

                hash.AppendData(buffer, 0, read);
                await OnDisk(() => output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).AsTask());
            }

            // On disk before the database row says it exists.
            OnDisk(() =>
            {
                output.Flush(flushToDisk: true);
                return true;
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
    private static T OnDisk<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch (IOException exception)
        {
            throw NoRoom(exception);
        }
    }

    private static async Task OnDisk(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (IOException exception)
        {
            throw NoRoom(exception);
        }
    }

    private static UploadRefusedException NoRoom(IOException exception) => new(
        Refusal.Of(StatusCodes.Status507InsufficientStorage, FileField, "The server has no room for this upload right now; nothing was saved. Try again later."), exception);

    /// <summary>A text field, which must be UTF-8 (as browsers send it) and of a sane length.</summary>
    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[MaxFieldChars + 1];
        int length;
        try
        {
            length = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        }
        catch (DecoderFallbackException exception)
        {
            throw Refused($"The form field '{Printable(name)}' is not valid UTF-8 text.", exception);
        }

        return length > MaxFieldChars ? throw Refused($"The form field '{Printable(name)}' is too long") : new string(buffer, 0, length);
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
            throw Refused("Send the files as multipart/form-data");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70
            ? throw Refused("The upload has no valid multipart boundary (a boundary parameter of 1 to 70 characters)")
            : boundary;
    }

    private static UploadRefusedException Refused(string message, Exception? cause = null) => new(Refusal.Invalid(FileField, message), cause);

    /// <summary>A field name as it may be shown back: at most 40 printable characters.</summary>
    private static string Printable(string name) => new([.. name.Where(c => !char.IsControl(c)).Take(40)]);

    private static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB");
}
