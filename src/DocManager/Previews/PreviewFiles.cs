using DocManager.Storage;

namespace DocManager.Previews;

/// <summary>
/// Preview images in the configured file store (folder or S3), beside the documents' files, under
/// names derived from a stem (<see cref="StoredName.Preview"/>). Like uploads, they are stored
/// before the row that points at them is committed, so a row never names a missing image.
/// </summary>
public sealed partial class PreviewFiles(IFileStore store, ILogger<PreviewFiles> logger)
{
    /// <summary>Stores the images under a new stem and returns it; on failure, removes what was stored.</summary>
    public async Task<string> SaveAsync(PreviewSet set, CancellationToken cancellationToken)
    {
        var stem = StoredName.New();
        IReadOnlyList<WebpImage> images = [set.Thumbnail, .. set.Pages];
        try
        {
            for (var page = 0; page < images.Count; page++)
            {
                var staged = Path.Combine(store.StagingDirectory, $".preview-{Guid.NewGuid():N}");
                try
                {
                    await File.WriteAllBytesAsync(staged, images[page].Bytes, cancellationToken);
                    await store.SaveAsync(StoredName.Preview(stem, page), staged, cancellationToken);
                }
                finally
                {
                    File.Delete(staged); // gone already when the store moved it
                }
            }
        }
        catch
        {
            await DeleteAsync(stem, set.Pages.Count);
            throw;
        }

        return stem;
    }

    /// <summary>
    /// Removes a set of images, as far as it can: an image left behind is unreachable (no row names
    /// its stem) and the integrity check's orphan sweep removes it later.
    /// </summary>
    public async Task DeleteAsync(string stem, int pages)
    {
        for (var page = 0; page <= pages; page++)
        {
            var name = StoredName.Preview(stem, page);
            try
            {
                await store.DeleteAsync(name, CancellationToken.None);
            }
            catch (IOException exception)
            {
                LogNotDeleted(exception, name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete preview image {Name}; the integrity check will remove it")]
    private partial void LogNotDeleted(Exception exception, string name);
}
