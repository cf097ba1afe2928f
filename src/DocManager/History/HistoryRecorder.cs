using System.Text.Json;
using DocManager.Data;

namespace DocManager.History;

/// <summary>
/// Adds history rows to the caller's unit of work, so each is committed with the change it records
/// or not at all. The one place that turns what happened into the JSON of `details`.
/// </summary>
public sealed class HistoryRecorder(AppDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Record(int documentId, int? actorId, string action, object? details = null) =>
        db.DocumentEvents.Add(new DocumentEvent
        {
            DocumentId = documentId,
            ActorId = actorId,
            Action = action,
            Details = details is null ? null : JsonSerializer.Serialize(details, Json),
            At = clock.GetUtcNow().UtcDateTime,
        });

    /// <summary>A field's value before and after an edit.</summary>
    public sealed record Change(object? From, object? To);
}
