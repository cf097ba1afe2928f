using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace DocManager.Documents;

/// <summary>
/// Where the next page of `/api/documents` starts: the sort key and id of the last item sent (keyset
/// paging, so documents added meanwhile neither shift nor repeat items), encrypted and signed with
/// the app's data-protection keys and tied to the query it was issued for. Any other string is refused.
/// </summary>
public sealed record DocumentCursor(string Key, int Id, int TitleMatch)
{
    private const string Purpose = "DocManager.DocumentCursor.v1";

    public string Protect(IDataProtectionProvider protection, DocumentQuery query)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(Fingerprint(query), Key, Id, TitleMatch));
        return WebEncoders.Base64UrlEncode(protection.CreateProtector(Purpose).Protect(json));
    }

    public static DocumentCursor? Unprotect(IDataProtectionProvider protection, DocumentQuery query, string cursor)
    {
        try
        {
            var json = protection.CreateProtector(Purpose).Unprotect(WebEncoders.Base64UrlDecode(cursor));
            var payload = JsonSerializer.Deserialize<Payload>(json);
            return payload is not null && payload.Query == Fingerprint(query) ? new DocumentCursor(payload.Key, payload.Id, payload.TitleMatch) : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    public static DocumentCursor After(DocumentSummary last, DocumentQuery query, int titleMatch) => new(query.Sort switch
    {
        "title" or "-title" => last.TitleKey,
        "size" or "-size" => last.Size.ToString(CultureInfo.InvariantCulture),
        _ => last.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
    }, last.Id, titleMatch);

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

    private sealed record Payload(string Query, string Key, int Id, int TitleMatch);
}
