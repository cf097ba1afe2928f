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
    /// <summary>
    /// Reads the upload into <paramref name="form"/> (owned by the caller, which may show its typed
    /// fields again after a refusal and deletes its staged files when disposing it) and creates its documents.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<Document>>> AcceptAsync(HttpContext http, UploadForm form, int ownerId, CancellationToken cancellationToken)
    {
        var used = await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => u.StorageUsed).SingleAsync(cancellationToken);
        var keepStored = false;
        try
        {
            await reader.ReadAsync(http, form, documentLimits.Value.QuotaBytes - used, cancellationToken);
            var items = await CheckAsync(form, cancellationToken);
            if (!items.Succeeded)
            {
                return items.Refusal;
            }

            await StoreAsync(form, cancellationToken);
            // From here rows may refer to the files: if the commit throws, nobody knows whether it went
            // through, so the files stay (an orphan among them is removed by the integrity check later).
            keepStored = true;
            // Not cancelled when the client goes away: a commit cut short would leave its outcome unknown
            // (and the files as orphans); finishing a short transaction is cheaper than guessing.
            var written = await writer.CreateAsync(ownerId, items.Value, CancellationToken.None);
            if (!written.Succeeded)
            {
                keepStored = false; // refused: rolled back, so no row refers to them
                return written;
            }

            await quotaWarning.CheckAsync(ownerId, used, CancellationToken.None);
            return written;
        }
        catch (UploadRefusedException refused)
        {
            // The one place where a refusal part-way through the body becomes the answer.
            return refused.Refusal;
        }
        finally
        {
            if (!keepStored)
            {
                await RemoveStoredAsync(form);
            }
        }
    }

    /// <summary>
    /// Reads one file into <paramref name="form"/> and makes it the document's new current version
    /// (SPEC §9), with the checks and the streaming of an upload: the file is stored before the version
    /// row is committed, and removed again if the replacement is refused.
    /// </summary>
    public async Task<Outcome<Versions.DocumentVersion>> ReplaceAsync(HttpContext http, UploadForm form, Document document, int actorId, CancellationToken cancellationToken)
    {
        var used = await db.Users.AsNoTracking().Where(u => u.Id == document.OwnerId).Select(u => u.StorageUsed).SingleAsync(cancellationToken);
        var keepStored = false;
        try
        {
            await reader.ReadAsync(http, form, documentLimits.Value.QuotaBytes - used, cancellationToken);
            if (form.Files.Count > 1)
            {
                return Refusal.Invalid(UploadReader.FileField, "Send one file: it replaces the document's file");
            }

            var checkedFiles = await CheckFilesAsync(form, cancellationToken);
            if (checkedFiles is { } refusal)
            {
                return refusal;
            }

            await StoreAsync(form, cancellationToken);
            keepStored = true; // as for uploads: once a commit may have referred to it, the file stays
            var file = form.Files[0];
            var replaced = await writer.ReplaceFileAsync(document.Id, new FileFacts(
                file.StoredName, file.OriginalName, FileKinds.ContentTypeFor(file.Extension), file.Size, file.Sha256), actorId, CancellationToken.None);
            if (!replaced.Succeeded)
            {
                keepStored = false;
                return replaced;
            }

            await quotaWarning.CheckAsync(document.OwnerId, used, CancellationToken.None);
            return replaced;
        }
        catch (UploadRefusedException refused)
        {
            return refused.Refusal;
        }
        finally
        {
            if (!keepStored)
            {
                await RemoveStoredAsync(form);
            }
        }
    }

    /// <summary>At least one file, each containing what its extension promises; null when they pass.</summary>
    private async Task<Refusal?> CheckFilesAsync(UploadForm form, CancellationToken cancellationToken)
    {
        if (form.Files.Count == 0)
        {
            return Refusal.Invalid(UploadReader.FileField, "No file selected");
        }

        foreach (var file in form.Files)
        {
            if (limits.Value.VerifyContent && !await ContentSniffer.MatchesAsync(file.Extension, file.StagedPath, cancellationToken))
            {
                return Refusal.Invalid(UploadReader.FileField, $"File does not appear to be {file.Extension.ToUpperInvariant()}");
            }
        }

        return null;
    }

    private async Task<Outcome<List<NewDocument>>> CheckAsync(UploadForm form, CancellationToken cancellationToken)
    {
        if (await CheckFilesAsync(form, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var typed = form.Typed();
        var items = new List<NewDocument>();
        foreach (var file in form.Files)
        {
            // One file may be given a title; with several, each is named after its file.
            var fields = DocumentRules.Validate(typed.ToInput(form.Files.Count == 1 && !string.IsNullOrWhiteSpace(typed.Title) ? null : file.DefaultTitle));
            if (!fields.Succeeded)
            {
                return form.Files.Count == 1 ? fields.Refusal : Refusal.Invalid(Prefixed(fields.Refusal.Errors, file.OriginalName));
            }

            items.Add(new NewDocument(fields.Value, new FileFacts(
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
            throw new UploadRefusedException(Refusal.Of(StatusCodes.Status507InsufficientStorage, UploadReader.FileField,
                "The server could not store the files; nothing was saved. Try again later."), exception);
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
}
