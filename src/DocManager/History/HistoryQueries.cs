using System.Text.Json;
using DocManager.Data;
using DocManager.Documents;
using Microsoft.EntityFrameworkCore;

namespace DocManager.History;

/// <summary>The one query for a document's history, as the API and its page show it: newest first.</summary>
public static class HistoryQueries
{
    /// <summary>Enough for any page; a longer history is cut to its latest entries.</summary>
    public const int MaxEntries = 500;

    public static async Task<IReadOnlyList<HistoryEntry>> ListAsync(AppDbContext db, int documentId, CancellationToken cancellationToken)
    {
        var rows = await db.DocumentEvents.AsNoTracking().Where(e => e.DocumentId == documentId)
            .OrderByDescending(e => e.Id).Take(MaxEntries)
            .Select(e => new
            {
                e.At,
                Actor = db.Users.Where(u => u.Id == e.ActorId).Select(u => new DocumentOwnerDto(u.Id, u.UserName)).FirstOrDefault(),
                e.Action,
                e.Details,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new HistoryEntry(r.At, r.Actor, r.Action, r.Details is null ? null : JsonDocument.Parse(r.Details).RootElement.Clone()))];
    }
}

/// <summary>One entry as SPEC §9 shows it; `actor` is null for the system or an account that is gone.</summary>
public sealed record HistoryEntry(DateTime At, DocumentOwnerDto? Actor, string Action, JsonElement? Details);

public sealed record HistoryList(IReadOnlyList<HistoryEntry> Items);
