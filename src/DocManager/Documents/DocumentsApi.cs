using System.Globalization;
using DocManager.Data;
using DocManager.Hosting;
using DocManager.Search;
using DocManager.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Documents;

/// <summary>`/api/documents`: the same documents, rules and filters as the pages, as JSON (SPEC §4).</summary>
public static class DocumentsApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 100;

    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents");
        documents.MapMethods("", [HttpMethods.Get, HttpMethods.Head], ListAsync).WithSummary("Documents the user can see, filtered and sorted, a page at a time");
        documents.MapMethods("/{id:int}", [HttpMethods.Get, HttpMethods.Head], GetAsync).WithSummary("One document");
        documents.MapPost("", CreateAsync).WithSummary("Create a note");
        documents.MapPatch("/{id:int}", UpdateAsync).WithSummary("Change some fields of a document (owner only)");
        documents.MapDelete("/{id:int}", DeleteAsync).WithSummary("Delete a document and its file (owner only)");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, AppDbContext db, ISearchIndex search, IDataProtectionProvider protection, CancellationToken cancellationToken)
    {
        var (page, error) = await PageAfterCursorAsync(http, db, search, protection, cancellationToken);
        if (page is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        return TypedResults.Ok(new DocumentPage([.. page.Items.Select(d => DocumentDto.From(d, page.UserId))], page.NextCursor));
    }

    /// <summary>
    /// The page of the list that the request's filters, `limit` and `cursor` ask for, or why they are
    /// refused (a 400). The JSON list and the cards appended by infinite scroll (`/documents/cards`)
    /// both read their pages here.
    /// </summary>
    internal static async Task<(CursorPage? Page, string? Error)> PageAfterCursorAsync(
        HttpContext http, AppDbContext db, ISearchIndex search, IDataProtectionProvider protection, CancellationToken cancellationToken)
    {
        var (query, error) = DocumentQuery.Parse(http.Request.Query);
        if (query is null)
        {
            return (null, error);
        }

        var limit = DefaultLimit;
        if (http.Request.Query.TryGetValue("limit", out var rawLimit) &&
            (rawLimit.Count != 1 || !int.TryParse(rawLimit[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return (null, $"'limit' must be a whole number from 1 to {MaxLimit}");
        }

        DocumentCursor? cursor = null;
        if (http.Request.Query.TryGetValue("cursor", out var rawCursor) &&
            (rawCursor.Count != 1 || (cursor = DocumentCursor.Unprotect(protection, query, rawCursor[0]!)) is null))
        {
            return (null, "'cursor' is not one this server issued for this query");
        }

        var userId = http.User.GetUserId();
        var (page, next) = query.IsRanked
            ? await RankedPageAsync(query.Ranked(db, search, userId), cursor, limit, cancellationToken)
            : await SortedPageAsync(query, query.Filter(db, search, userId), cursor, limit, cancellationToken);
        return (new CursorPage(query, page, next?.Protect(protection, query), userId), null);
    }

    /// <summary>Up to <paramref name="limit"/> documents in the order of the sort asked for, and the cursor after them if more follow.</summary>
    private static async Task<(IReadOnlyList<DocumentSummary>, DocumentCursor?)> SortedPageAsync(
        DocumentQuery query, IQueryable<Document> matching, DocumentCursor? cursor, int limit, CancellationToken cancellationToken)
    {
        // One more than asked for tells whether another page follows.
        var page = await query.Order(cursor is null ? matching : cursor.After(matching, query.Sort)).Take(limit + 1)
            .Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
        return page.Count > limit ? (page[..limit], DocumentCursor.After(page[limit - 1], query)) : (page, null);
    }

    /// <summary>With `q` and no sort: the ranked order of `/search` and `/documents?q=`, continued from the cursor's place.</summary>
    private static async Task<(IReadOnlyList<DocumentSummary>, DocumentCursor?)> RankedPageAsync(
        RankedSearch search, DocumentCursor? cursor, int limit, CancellationToken cancellationToken)
    {
        var page = await search.PageAfterAsync(cursor?.Place, limit + 1, cancellationToken);
        var documents = page.Take(limit).Select(r => r.Document).ToList();
        return page.Count > limit ? (documents, DocumentCursor.After(page[limit - 1].Place)) : (documents, null);
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = http.User.GetUserId();
        var document = await Summary(db, id, userId, cancellationToken);
        return document is null ? ApiProblems.NotFound(id) : Ok(http, document, userId);
    }

    private static async Task<IResult> CreateAsync(JsonBody body, HttpContext http, DocumentWriter writer, AppDbContext db, CancellationToken cancellationToken)
    {
        var (request, parseErrors) = DocumentRequest.Parse(body.Root);
        if (request is null)
        {
            return ApiProblems.Invalid(parseErrors);
        }

        var fields = DocumentRules.Validate(request.ToInput());
        if (!fields.Succeeded)
        {
            return ApiProblems.From(fields.Refusal);
        }

        var userId = http.User.GetUserId();
        var written = await writer.CreateAsync(userId, [new NewDocument(fields.Value, File: null)], cancellationToken);
        if (!written.Succeeded)
        {
            return ApiProblems.From(written.Refusal);
        }

        var created = (await Summary(db, written.Value[0].Id, userId, cancellationToken))!;
        http.Response.Headers.ETag = created.ETag;
        return TypedResults.Created($"/api/documents/{created.Id}", DocumentDto.From(created, userId));
    }

    private static async Task<IResult> UpdateAsync(int id, JsonBody body, HttpContext http, DocumentWriter writer, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = http.User.GetUserId();
        var (document, access) = await db.FindForChangeAsync(id, userId, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? ApiProblems.Forbidden() : ApiProblems.NotFound(id);
        }

        if (IsStale(http, document!.ETag))
        {
            return ApiProblems.PreconditionFailed();
        }

        var (request, parseErrors) = DocumentRequest.Parse(body.Root);
        if (request is null)
        {
            return ApiProblems.Invalid(parseErrors);
        }

        await db.Entry(document).Collection(d => d.Tags).LoadAsync(cancellationToken);
        var fields = DocumentRules.Validate(request.Over(document));
        if (!fields.Succeeded)
        {
            return ApiProblems.From(fields.Refusal);
        }

        var updated = await writer.UpdateAsync(document, fields.Value, document.Version, cancellationToken);
        if (!updated.Succeeded)
        {
            return updated.Refusal.Status == StatusCodes.Status409Conflict ? ApiProblems.PreconditionFailed() : ApiProblems.From(updated.Refusal);
        }

        return Ok(http, (await Summary(db, id, userId, cancellationToken))!, userId);
    }

    private static async Task<IResult> DeleteAsync(int id, HttpContext http, DocumentWriter writer, AppDbContext db, CancellationToken cancellationToken)
    {
        var (document, access) = await db.FindForChangeAsync(id, http.User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? ApiProblems.Forbidden() : ApiProblems.NotFound(id);
        }

        if (IsStale(http, document!.ETag))
        {
            return ApiProblems.PreconditionFailed();
        }

        await writer.DeleteAsync(document, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<DocumentSummary?> Summary(AppDbContext db, int id, int userId, CancellationToken cancellationToken) =>
        db.DocumentsVisibleTo(userId).AsNoTracking().Where(d => d.Id == id).Select(DocumentSummary.Projection).FirstOrDefaultAsync(cancellationToken);

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<DocumentDto> Ok(HttpContext http, DocumentSummary document, int userId)
    {
        http.Response.Headers.ETag = document.ETag;
        return TypedResults.Ok(DocumentDto.From(document, userId));
    }

    /// <summary>An `If-Match` naming another version than the current one: the client edits something stale.</summary>
    private static bool IsStale(HttpContext http, string etag)
    {
        var ifMatch = http.Request.Headers.IfMatch;
        return ifMatch.Count > 0 && !ifMatch.SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).Any(v => v == "*" || v == etag);
    }
}
