using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocManager.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace DocManager.Documents;

/// <summary>
/// Where the next page of `/api/documents` starts: the sort key and id of the last item sent (keyset
/// paging, so documents added meanwhile neither shift nor repeat items), encrypted and signed with
/// the app's data-protection keys and tied to the query it was issued for. Any other string is refused.
/// In the ranked order the key is the creation time and <see cref="Relevance"/> comes first: whole
/// numbers that depend on the document alone, so the comparison is exact (decision 0016).
/// </summary>
public sealed record DocumentCursor(string Key, int Id, int Relevance)
{
    // v2: the ranked order became relevance, newest, id; a cursor of the old order belongs to another order.
    private const string Purpose = "DocManager.DocumentCursor.v2";

    public string Protect(IDataProtectionProvider protection, DocumentQuery query)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(Fingerprint(query), Key, Id, Relevance));
        return WebEncoders.Base64UrlEncode(protection.CreateProtector(Purpose).Protect(json));
    }

    public static DocumentCursor? Unprotect(IDataProtectionProvider protection, DocumentQuery query, string cursor)
    {
        try
        {
            var json = protection.CreateProtector(Purpose).Unprotect(WebEncoders.Base64UrlDecode(cursor));
            var payload = JsonSerializer.Deserialize<Payload>(json);
            return payload is not null && payload.Query == Fingerprint(query) ? new DocumentCursor(payload.Key, payload.Id, payload.Relevance) : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>After the last item of a page in the order of a sort.</summary>
    public static DocumentCursor After(DocumentSummary last, DocumentQuery query) => new(query.Sort switch
    {
        "title" or "-title" => last.TitleKey,
        "size" or "-size" => last.Size.ToString(CultureInfo.InvariantCulture),
        _ => Ticks(last.CreatedAt),
    }, last.Id, Relevance: 0);

    /// <summary>After the last item of a page in the ranked order.</summary>
    public static DocumentCursor After(RankedMatch last) => new(Ticks(last.CreatedAt), last.Id, last.Relevance);

    /// <summary>The place in the ranked order this cursor was issued after.</summary>
    public RankedMatch Place => new() { Id = Id, CreatedAt = CreatedAt, Relevance = Relevance };

    public DateTime CreatedAt => new(long.Parse(Key, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public long Size => long.Parse(Key, CultureInfo.InvariantCulture);

    /// <summary>The documents after this cursor in the order of <paramref name="sort"/> (ties broken by id, as the order is).</summary>
    public IQueryable<Document> After(IQueryable<Document> documents, string? sort)
    {
        var key = Key;
        var id = Id;
        return sort switch
        {
            "date" => documents.Where(d => d.CreatedAt > CreatedAt || (d.CreatedAt == CreatedAt && d.Id > id)),
            "title" => documents.Where(d => d.TitleKey.CompareTo(key) > 0 || (d.TitleKey == key && d.Id > id)),
            "-title" => documents.Where(d => d.TitleKey.CompareTo(key) < 0 || (d.TitleKey == key && d.Id < id)),
            "size" => documents.Where(d => d.Size > Size || (d.Size == Size && d.Id > id)),
            "-size" => documents.Where(d => d.Size < Size || (d.Size == Size && d.Id < id)),
            _ => documents.Where(d => d.CreatedAt < CreatedAt || (d.CreatedAt == CreatedAt && d.Id < id)),
        };
    }

    /// <summary>The filters and sort a cursor belongs to: following it with another query is refused.</summary>
    private static string Fingerprint(DocumentQuery query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\u001f', query.Q, query.Category, query.Tag, query.Owner, query.From, query.To, query.Sort))))[..16];

    private static string Ticks(DateTime time) => time.Ticks.ToString(CultureInfo.InvariantCulture);

    private sealed record Payload(string Query, string Key, int Id, int Relevance);
}
