using DocManager.Data;
using DocManager.Documents;
using DocManager.Errors;
using DocManager.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocManager.Intake;

/// <summary>
/// Turns an upload into documents, as an ordered list of small steps: stream each file to staging
/// (hashing, size and quota limits) → check each file's content against its extension → check the
/// fields → put the files into the store under their generated names → reserve quota and commit the
/// rows in one transaction. A request with several files is accepted or refused whole; whatever fails,
/// the stored files are deleted again. Files go in before rows so that no row, on any instance, ever
/// points at a missing file: a crash between the two steps leaves only an orphan file, which the
/// integrity check removes once it is older than its grace period.
/// </summary>
public sealed partial class IntakeService(
    UploadReader reader,
    DocumentWriter writer,
    IFileStore store,
    QuotaWarning quotaWarning,
    AppDbContext db,
    IOptions<UploadLimits> limits,
    IOptions<DocumentLimits> documentLimits,
    ILogger<IntakeService> logger)
{
    public async Task<IntakeResult> AcceptAsync(HttpContext http, int ownerId, CancellationToken cancellationToken)
    {
        var used = await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => u.StorageUsed).SingleAsync(cancellationToken);
        UploadForm? form = null;
        var keepStored = false;
        try
        {
            form = await reader.ReadAsync(http, documentLimits.Value.QuotaBytes - used, cancellationToken);
            var items = await CheckAsync(form, cancellationToken);
            await StoreAsync(form, cancellationToken);
            // From here rows may refer to the files: if the commit throws, nobody knows whether it went
            // through, so the files stay (an orphan among them is removed by the integrity check later).
            keepStored = true;
            // Not cancelled when the client goes away: a commit cut short would leave its outcome unknown
            // (and the files as orphans); finishing a short transaction is cheaper than guessing.
            var result = await writer.CreateAsync(ownerId, items, CancellationToken.None);
            if (!result.Succeeded)
            {
                keepStored = false; // refused: rolled back, so no row refers to them
                return IntakeResult.Refused(result.Status, result.Field!, result.Error!, form);
            }

            await quotaWarning.CheckAsync(ownerId, used, CancellationToken.None);
            return new IntakeResult(result.Documents, StatusCodes.Status201Created, new Dictionary<string, IReadOnlyList<string>>(), UploadForm.Submitted(form));
        }
        catch (UploadRejectedException rejected)
        {
            return IntakeResult.Refused(rejected.Status, rejected.Field, rejected.Message, form, rejected.Submitted);
        }
        catch (IntakeInvalidException invalid)
        {
            return new IntakeResult(null, StatusCodes.Status400BadRequest, invalid.Errors, UploadForm.Submitted(form));
        }
        finally
        {
            if (form is not null)
            {
                if (!keepStored)
                {
                    await RemoveStoredAsync(form);
                }

                await form.DisposeAsync();
            }
        }
    }

    private async Task<List<NewDocument>> CheckAsync(UploadForm form, CancellationToken cancellationToken)
    {
        if (form.Files.Count == 0)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, UploadReader.FileField, "No file selected");
        }

        foreach (var file in form.Files)
        {
            if (limits.Value.VerifyContent && !await ContentSniffer.MatchesAsync(file.Extension, file.StagedPath, cancellationToken))
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, UploadReader.FileField,
                    $"File does not appear to be {file.Extension.ToUpperInvariant()}");
            }
        }

        var title = form.Value("title");
        var items = new List<NewDocument>();
        foreach (var file in form.Files)
        {
            // One file may be given a title; with several, each is named after its file.
            var input = new DocumentInput(
                form.Files.Count == 1 && !string.IsNullOrWhiteSpace(title) ? title : file.DefaultTitle,
                form.Value("description"),
                form.Value("category"),
                DocumentRules.SplitTags(form.Values("tags")),
                form.Value("priority"));
            var validation = DocumentRules.Validate(input);
            if (!validation.IsValid)
            {
                throw new IntakeInvalidException(form.Files.Count == 1 ? validation.Errors : Prefixed(validation.Errors, file.OriginalName));
            }

            items.Add(new NewDocument(validation.Fields!, new FileFacts(
                file.StoredName, file.OriginalName, FileKinds.ContentTypeFor(file.Extension), file.Size, file.Sha256)));
        }

        return items;
    }

    /// <summary>Puts every checked file into the store; nothing refers to them until the rows are committed.</summary>
    private async Task StoreAsync(UploadForm form, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var file in form.Files)
            {
                await store.SaveAsync(file.StoredName, file.StagedPath, cancellationToken);
                file.Saved = true;
            }
        }
        catch (IOException exception) when (ServiceOutage.Classify(exception) is null)
        {
            // A store that cannot be reached at all is an outage (503 with Retry-After, from the error
            // handler); this is the store refusing the bytes, such as a full disk.
            LogStoreFailed(exception);
            throw new UploadRejectedException(StatusCodes.Status507InsufficientStorage, UploadReader.FileField,
                "The server could not store the files; nothing was saved. Try again later.", exception);
        }
    }

    /// <summary>The upload was refused or failed after its files were stored: take them out again.</summary>
    private async Task RemoveStoredAsync(UploadForm form)
    {
        foreach (var file in form.Files.Where(f => f.Saved))
        {
            try
            {
                await store.DeleteAsync(file.StoredName, CancellationToken.None);
            }
            catch (IOException exception)
            {
                // No row refers to it, so it is an orphan: the integrity check removes it later.
                LogRemoveFailed(exception, file.StoredName);
            }
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> Prefixed(IReadOnlyDictionary<string, IReadOnlyList<string>> errors, string fileName) =>
        errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value.Select(m => $"{fileName}: {m}")]);

    [LoggerMessage(Level = LogLevel.Error, Message = "Uploaded files could not be put into the file store; the upload was refused")]
    private partial void LogStoreFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored file {Name} of a refused upload could not be removed; the integrity check will")]
    private partial void LogRemoveFailed(Exception exception, string name);

    private sealed class IntakeInvalidException(IReadOnlyDictionary<string, IReadOnlyList<string>> errors) : Exception("The upload's fields are not valid.")
    {
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; } = errors;
    }
}

/// <summary>The documents created, or the status and messages per field that refused the upload.</summary>
public sealed record IntakeResult(
    IReadOnlyList<Document>? Documents,
    int Status,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors,
    IReadOnlyDictionary<string, string> Submitted)
{
    public bool Succeeded => Documents is not null;

    internal static IntakeResult Refused(int status, string field, string message, UploadForm? form, IReadOnlyDictionary<string, string>? submitted = null) =>
        new(null, status, new Dictionary<string, IReadOnlyList<string>> { [field] = [message] }, form is null && submitted is not null ? submitted : UploadForm.Submitted(form));
}
