using DocManager.Data;
using DocManager.Documents;
using DocManager.Jobs;
using DocManager.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocManager.Intake;

/// <summary>
/// Turns an upload into documents, as an ordered list of small steps: stream each file to staging
/// (hashing, size and quota limits) → check each file's content against its extension → check the
/// fields → reserve quota and commit the rows in one transaction → move the files into place.
/// A request with several files is accepted or refused whole; whatever fails, nothing is left behind.
/// </summary>
public sealed partial class IntakeService(
    UploadReader reader,
    DocumentWriter writer,
    IFileStore store,
    JobScheduler jobs,
    QuotaWarning quotaWarning,
    AppDbContext db,
    IOptions<Limits> limits,
    ILogger<IntakeService> logger)
{
    public async Task<IntakeResult> AcceptAsync(HttpContext http, int ownerId, CancellationToken cancellationToken)
    {
        var used = await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => u.StorageUsed).SingleAsync(cancellationToken);
        UploadForm? form = null;
        try
        {
            form = await reader.ReadAsync(http, limits.Value.QuotaBytes - used, cancellationToken);
            var items = await CheckAsync(form, cancellationToken);
            var result = await writer.CreateAsync(ownerId, items, cancellationToken);
            if (!result.Succeeded)
            {
                return IntakeResult.Refused(result.Status, result.Field!, result.Error!, form);
            }

            await MoveIntoPlaceAsync(form, result.Documents!);
            // Only now can the files' text be extracted: the jobs were held until the files were here.
            await jobs.ReleaseAsync(result.Documents!.Select(d => d.Id), CancellationToken.None);
            await quotaWarning.CheckAsync(ownerId, used, CancellationToken.None);
            return new IntakeResult(result.Documents, StatusCodes.Status201Created, new Dictionary<string, IReadOnlyList<string>>(), UploadForm.Submitted(form));
        }
        catch (UploadRejectedException rejected)
        {
            return IntakeResult.Refused(rejected.Status, rejected.Field, rejected.Message, form);
        }
        catch (IntakeInvalidException invalid)
        {
            return new IntakeResult(null, StatusCodes.Status400BadRequest, invalid.Errors, UploadForm.Submitted(form));
        }
        finally
        {
            if (form is not null)
            {
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

    /// <summary>The rows are committed; now the files go where downloads find them. If that fails, the rows go too.</summary>
    private async Task MoveIntoPlaceAsync(UploadForm form, IReadOnlyList<Document> documents)
    {
        try
        {
            foreach (var file in form.Files)
            {
                await store.SaveAsync(file.StoredName, file.StagedPath, CancellationToken.None);
                file.Saved = true;
            }
        }
        catch (IOException exception)
        {
            LogMoveFailed(exception);
            foreach (var document in documents)
            {
                await writer.DeleteAsync(document, CancellationToken.None);
            }

            throw new UploadRejectedException(StatusCodes.Status507InsufficientStorage, UploadReader.FileField,
                "The server could not store the files; nothing was saved. Try again later.", exception);
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> Prefixed(IReadOnlyDictionary<string, IReadOnlyList<string>> errors, string fileName) =>
        errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value.Select(m => $"{fileName}: {m}")]);

    [LoggerMessage(Level = LogLevel.Error, Message = "Uploaded files could not be moved into the file store; the upload was rolled back")]
    private partial void LogMoveFailed(Exception exception);

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

    internal static IntakeResult Refused(int status, string field, string message, UploadForm? form) =>
        new(null, status, new Dictionary<string, IReadOnlyList<string>> { [field] = [message] }, UploadForm.Submitted(form));
}
