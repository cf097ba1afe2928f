using DocManager.Data;
using DocManager.Jobs;
using DocManager.Previews;
using DocManager.Search;
using DocManager.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocManager.Documents;

/// <summary>
/// Creates, changes and deletes documents with every limit held atomically: the quota and the
/// document count are reserved by one conditional UPDATE in the same transaction as the new rows,
/// and title uniqueness is the database's unique index.
/// </summary>
public sealed partial class DocumentWriter(
    AppDbContext db,
    IFileStore files,
    ISearchIndex index,
    JobScheduler jobs,
    FileWork fileWork,
    PreviewFiles previews,
    History.HistoryRecorder history,
    IOptions<DocumentLimits> limits,
    TimeProvider clock,
    ILogger<DocumentWriter> logger)
{
    public const string TitleTaken = "Title already exists";

    public async Task<Outcome<IReadOnlyList<Document>>> CreateAsync(int ownerId, IReadOnlyList<NewDocument> items, CancellationToken cancellationToken)
    {
        var keys = items.Select(i => DocumentRules.TitleKey(i.Fields.Title)).ToList();
        if (keys.Distinct().Count() != keys.Count ||
            await db.Documents.AnyAsync(d => d.OwnerId == ownerId && keys.Contains(d.TitleKey), cancellationToken))
        {
            return Refusal.Invalid("title", TitleTaken);
        }

        var bytes = items.Sum(i => i.File?.Size ?? 0);
        var count = items.Count;
        var quota = limits.Value.QuotaBytes;
        var maxDocuments = limits.Value.MaxDocuments;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Reserve first: the row lock (PostgreSQL) or write lock (SQLite) makes concurrent uploads queue
        // here, and each sees the others' usage, so together they can never pass the limits.
        var reserved = await db.Users
            .Where(u => u.Id == ownerId && u.StorageUsed + bytes <= quota && u.DocumentCount + count <= maxDocuments)
            .ExecuteUpdateAsync(set => set
                .SetProperty(u => u.StorageUsed, u => u.StorageUsed + bytes)
                .SetProperty(u => u.DocumentCount, u => u.DocumentCount + count), cancellationToken);
        if (reserved == 0)
        {
            var usage = await db.Users.AsNoTracking().Where(u => u.Id == ownerId)
                .Select(u => new { u.DocumentCount }).SingleAsync(cancellationToken);
            return usage.DocumentCount + count > maxDocuments
                ? Refusal.Invalid("file", "Maximum documents reached")
                : Refusal.Of(StatusCodes.Status403Forbidden, "file", "Storage quota exceeded");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var documents = items.Select(item => New(ownerId, item, now)).ToList();
        documents.ForEach(fileWork.Prepare);
        db.Documents.AddRange(documents);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return Refusal.Invalid("title", TitleTaken);
        }

        // Indexed at once for what is known now; the file's own text follows from a durable job.
        foreach (var document in documents)
        {
            await index.UpdateAsync(document.Id, cancellationToken);
            // The file is in the store already (see IntakeService), so its jobs may start once this commits.
            fileWork.Enqueue(document);
            history.Record(document.Id, ownerId, History.DocumentActions.Created, new { document.Title, file = document.OriginalName });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        jobs.Wake();
        return Outcome.Success<IReadOnlyList<Document>>(documents);
    }

    public const string ChangedMeanwhile = "This document was changed by someone else since you opened it. Reload it to see the changes, then make yours again.";

    /// <summary>
    /// Saves new fields. With <paramref name="expectedVersion"/>, refuses (409) when the document has
    /// changed since that version was read, so nobody silently overwrites a newer edit.
    /// </summary>
    public async Task<Outcome<Document>> UpdateAsync(Document document, DocumentFields fields, int? expectedVersion, CancellationToken cancellationToken)
    {
        if (expectedVersion is { } expected && expected != document.Version)
        {
            return Refusal.Of(StatusCodes.Status409Conflict, "version", ChangedMeanwhile);
        }

        var key = DocumentRules.TitleKey(fields.Title);
        // Renaming a document to its own title (or changing only its case) is not a duplicate.
        if (key != document.TitleKey &&
            await db.Documents.AnyAsync(d => d.OwnerId == document.OwnerId && d.TitleKey == key && d.Id != document.Id, cancellationToken))
        {
            return Refusal.Invalid("title", TitleTaken);
        }

        await db.Entry(document).Collection(d => d.Tags).LoadAsync(cancellationToken);
        var changes = Changes(document, fields);
        Apply(document, fields);
        if (changes.Count > 0)
        {
            history.Record(document.Id, document.OwnerId, History.DocumentActions.Edited, changes);
        }

        document.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        document.Version++;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save got in between our read and this write (the version no longer matched).
            db.ChangeTracker.Clear();
            return Refusal.Of(StatusCodes.Status409Conflict, "version", ChangedMeanwhile);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return Refusal.Invalid("title", TitleTaken);
        }

        await index.UpdateAsync(document.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return document;
    }

    /// <summary>
    /// Makes a stored, verified file the document's new current version (SPEC §9): its bytes are added
    /// to the owner's quota in the same transaction (every version counts), the version gets the next
    /// number, and the document's preview and text are made again. Two replacements at once both
    /// become versions: the one that loses the race for a number takes the next.
    /// </summary>
    /// <param name="restoredFrom">The version this file is a copy of, when it is a restore.</param>
    public async Task<Outcome<Versions.DocumentVersion>> ReplaceFileAsync(int documentId, FileFacts file, int actorId, CancellationToken cancellationToken, int? restoredFrom = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryReplaceFileAsync(documentId, file, actorId, restoredFrom, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < 5 && (exception is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(exception)))
            {
                db.ChangeTracker.Clear(); // another replacement took this number or changed the row first
            }
        }
    }

    private async Task<Outcome<Versions.DocumentVersion>> TryReplaceFileAsync(int documentId, FileFacts file, int actorId, int? restoredFrom, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Refusal.Of(StatusCodes.Status404NotFound, "file", "The document no longer exists.");
        }

        var quota = limits.Value.QuotaBytes;
        var reserved = await db.Users
            .Where(u => u.Id == document.OwnerId && u.StorageUsed + file.Size <= quota)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.StorageUsed, u => u.StorageUsed + file.Size), cancellationToken);
        if (reserved == 0)
        {
            return Refusal.Of(StatusCodes.Status403Forbidden, "file", "Storage quota exceeded");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var number = (await db.DocumentVersions.Where(v => v.DocumentId == documentId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        var version = document.AddCurrentVersion(file, number, actorId, now);
        document.UpdatedAt = now;
        document.Version++;
        fileWork.Prepare(document);
        fileWork.Enqueue(document);
        history.Record(documentId, actorId,
            restoredFrom is null ? History.DocumentActions.FileReplaced : History.DocumentActions.VersionRestored,
            restoredFrom is null ? new { version = number, file.OriginalName } : new { version = number, restoredFrom, file.OriginalName });
        await db.SaveChangesAsync(cancellationToken);
        await index.UpdateAsync(documentId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        jobs.Wake();
        return version;
    }

    /// <summary>
    /// `restore`: a copy of version <paramref name="number"/> becomes the new current version (SPEC §9),
    /// so the history of versions only ever grows; the copy is stored under a new name before its row,
    /// as an upload is, and counts towards the quota.
    /// </summary>
    public async Task<Outcome<Versions.DocumentVersion>> RestoreVersionAsync(int documentId, int number, int actorId, CancellationToken cancellationToken)
    {
        var source = await db.DocumentVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.DocumentId == documentId && v.Number == number, cancellationToken);
        if (source is null)
        {
            return Refusal.Of(StatusCodes.Status404NotFound, "version", $"This document has no version {number}.");
        }

        var copy = StoredName.New();
        var staged = Path.Combine(files.StagingDirectory, $".restore-{Guid.NewGuid():N}");
        try
        {
            await using (var from = await files.OpenReadAsync(source.StoredName, cancellationToken)
                ?? throw new FileNotFoundException($"The file of version {number} is missing."))
            await using (var to = File.Create(staged))
            {
                await from.CopyToAsync(to, cancellationToken);
            }

            await files.SaveAsync(copy, staged, cancellationToken);
        }
        finally
        {
            File.Delete(staged);
        }

        var restored = await ReplaceFileAsync(documentId, new FileFacts(copy, source.OriginalName, source.ContentType, source.Size, source.Sha256), actorId, CancellationToken.None, restoredFrom: number);
        if (!restored.Succeeded)
        {
            await files.DeleteAsync(copy, CancellationToken.None);
        }

        return restored;
    }

    public const string CurrentVersionKept = "The current version cannot be deleted: restore or upload another version first.";

    /// <summary>Deletes an old version: its row, then its file; its bytes return to the quota. The current one is refused (400).</summary>
    public async Task<Refusal?> DeleteVersionAsync(int documentId, int number, int actorId, CancellationToken cancellationToken)
    {
        string storedName;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
                .Select(d => new { d.OwnerId, d.CurrentVersion }).FirstOrDefaultAsync(cancellationToken);
            var version = await db.DocumentVersions.AsNoTracking()
                .FirstOrDefaultAsync(v => v.DocumentId == documentId && v.Number == number, cancellationToken);
            if (document is null || version is null)
            {
                return Refusal.Of(StatusCodes.Status404NotFound, "version", $"This document has no version {number}.");
            }

            // Checked in the statement too: a replacement committed meanwhile may have made it current.
            var deleted = await db.DocumentVersions
                .Where(v => v.Id == version.Id && !db.Documents.Any(d => d.Id == documentId && d.CurrentVersion == v.Number))
                .ExecuteDeleteAsync(cancellationToken);
            if (deleted == 0)
            {
                return Refusal.Invalid("version", CurrentVersionKept);
            }

            await db.Users.Where(u => u.Id == document.OwnerId)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.StorageUsed, u => u.StorageUsed - version.Size), cancellationToken);
            history.Record(documentId, actorId, History.DocumentActions.VersionDeleted, new { version = number, version.OriginalName });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            storedName = version.StoredName;
        }

        try
        {
            await files.DeleteAsync(storedName, CancellationToken.None);
        }
        catch (IOException exception)
        {
            LogFileNotDeleted(exception, storedName); // unreachable now; the integrity check removes it
        }

        return null;
    }

    /// <summary>Removes the row (its tags and shares go with it), returns its bytes to the quota, then removes the file and its previews.</summary>
    public async Task DeleteAsync(Document document, CancellationToken cancellationToken)
    {
        string? previewKey;
        int previewPages;
        IReadOnlyList<string> storedNames;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Read now, not from the caller's copy: a preview job may have stored new images since.
            var preview = await db.Documents.Where(d => d.Id == document.Id)
                .Select(d => new { d.PreviewKey, d.PreviewPages }).FirstOrDefaultAsync(cancellationToken);
            (previewKey, previewPages) = (preview?.PreviewKey, preview?.PreviewPages ?? 0);
            // Every version's file goes, and every version's bytes return to the quota.
            var versions = await db.DocumentVersions.Where(v => v.DocumentId == document.Id)
                .Select(v => new { v.StoredName, v.Size }).ToListAsync(cancellationToken);
            storedNames = [.. versions.Select(v => v.StoredName)];
            var bytes = versions.Sum(v => v.Size);
            var deleted = await db.Documents.Where(d => d.Id == document.Id).ExecuteDeleteAsync(cancellationToken);
            if (deleted == 0)
            {
                return; // already gone (a concurrent delete)
            }

            await index.RemoveAsync(document.Id, cancellationToken);

            await db.Users.Where(u => u.Id == document.OwnerId).ExecuteUpdateAsync(set => set
                .SetProperty(u => u.StorageUsed, u => u.StorageUsed - bytes)
                .SetProperty(u => u.DocumentCount, u => u.DocumentCount - 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var name in storedNames)
        {
            try
            {
                await files.DeleteAsync(name, CancellationToken.None);
            }
            catch (IOException exception)
            {
                // The row is gone, so the file is unreachable; the integrity check removes it later.
                LogFileNotDeleted(exception, name);
            }
        }

        if (previewKey is not null)
        {
            await previews.DeleteAsync(previewKey, previewPages);
        }
    }

    private static Document New(int ownerId, NewDocument item, DateTime now)
    {
        var document = new Document { OwnerId = ownerId, Title = "", TitleKey = "", CreatedAt = now, UpdatedAt = now };
        Apply(document, item.Fields);
        if (item.File is { } file)
        {
            document.AddCurrentVersion(file, 1, ownerId, now); // the first upload is version 1
        }

        return document;
    }

    /// <summary>The fields an edit changes, each with its old and new value, for the history.</summary>
    private static Dictionary<string, History.HistoryRecorder.Change> Changes(Document document, DocumentFields fields)
    {
        var changes = new Dictionary<string, History.HistoryRecorder.Change>(StringComparer.Ordinal);
        void Compare(string field, string before, string after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes[field] = new(before, after);
            }
        }

        Compare("title", document.Title, fields.Title);
        Compare("description", document.Description, fields.Description);
        Compare("category", document.Category, fields.Category);
        Compare("priority", document.Priority, fields.Priority);
        var tagsBefore = document.TagNames;
        var tagsAfter = fields.Tags.Order(StringComparer.Ordinal).ToList();
        if (!tagsBefore.SequenceEqual(tagsAfter))
        {
            changes["tags"] = new(tagsBefore, tagsAfter);
        }

        return changes;
    }

    private static void Apply(Document document, DocumentFields fields)
    {
        document.SetTitle(fields.Title);
        document.Description = fields.Description;
        document.Category = fields.Category;
        document.Priority = fields.Priority;
        document.SetTags(fields.Tags);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored file {Name} of a deleted document could not be removed")]
    private partial void LogFileNotDeleted(Exception exception, string name);
}

/// <summary>Facts about a verified file, ready to be recorded.</summary>
public sealed record FileFacts(string StoredName, string OriginalName, string ContentType, long Size, string Sha256);

public sealed record NewDocument(DocumentFields Fields, FileFacts? File);
