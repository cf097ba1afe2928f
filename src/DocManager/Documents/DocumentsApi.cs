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
        var (query, error) = DocumentQuery.Parse(http.Request.Query);
        if (query is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var limit = DefaultLimit;
        if (http.Request.Query.TryGetValue("limit", out var rawLimit) &&
            (rawLimit.Count != 1 || !int.TryParse(rawLimit[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return ApiProblems.BadRequest($"'limit' must be a whole number from 1 to {MaxLimit}");
        }

        DocumentCursor? cursor = null;
        if (http.Request.Query.TryGetValue("cursor", out var rawCursor) &&
            (rawCursor.Count != 1 || (cursor = DocumentCursor.Unprotect(protection, query, rawCursor[0]!)) is null))
        {
            return ApiProblems.BadRequest("'cursor' is not one this server issued for this query");
        }

        var userId = http.User.GetUserId();
        var matching = query.Filter(db, search, userId);
        var (page, titleMatches) = query.Sort is null && query.Q is not null
            ? await RankedPageAsync(db, search, query, matching, cursor, limit + 1, userId, cancellationToken)
            : (await query.Order(cursor is null ? matching : cursor.After(matching, query.Sort)).Take(limit + 1)
                .Select(DocumentSummary.Projection).ToListAsync(cancellationToken), null);

        string? next = null;
        if (page.Count > limit)
        {
            page = page[..limit];
            next = DocumentCursor.After(page[^1], query, titleMatches?[page[^1].Id] ?? 0).Protect(protection, query);
        }

        return TypedResults.Ok(new DocumentPage([.. page.Select(d => DocumentDto.From(d, userId))], next));
    }

    /// <summary>With `q` and no sort: title matches first, then newest first — an order a cursor can hold exactly.</summary>
    private static async Task<(List<DocumentSummary>, Dictionary<int, int>)> RankedPageAsync(
        AppDbContext db, ISearchIndex search, DocumentQuery query, IQueryable<Document> matching, DocumentCursor? cursor, int take, int userId, CancellationToken cancellationToken)
    {
        var ranked = from d in matching
                     join h in search.Match(SearchTerms.Parse(query.Q), userId) on d.Id equals h.DocumentId
                     select new { d.Id, d.CreatedAt, h.TitleMatch };
        if (cursor is not null)
        {
            var (match, created, id) = (cursor.TitleMatch, cursor.CreatedAt, cursor.Id);
            ranked = ranked.Where(r => r.TitleMatch < match || (r.TitleMatch == match && (r.CreatedAt < created || (r.CreatedAt == created && r.Id < id))));
        }

        var keys = await ranked.OrderByDescending(r => r.TitleMatch).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(take).ToListAsync(cancellationToken);
        var ids = keys.Select(k => k.Id).ToList();
        var summaries = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(DocumentSummary.Projection).ToDictionaryAsync(d => d.Id, cancellationToken);
        return ([.. ids.Where(summaries.ContainsKey).Select(id => summaries[id])], keys.ToDictionary(k => k.Id, k => k.TitleMatch));
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

        var validation = DocumentRules.Validate(request.ToInput());
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation.Errors);
        }

        var userId = http.User.GetUserId();
        var result = await writer.CreateAsync(userId, [new NewDocument(validation.Fields!, File: null)], cancellationToken);
        if (!result.Succeeded)
        {
            return ApiProblems.From(result);
        }

        var created = (await Summary(db, result.Documents![0].Id, userId, cancellationToken))!;
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
        var validation = DocumentRules.Validate(request.Over(document));
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation.Errors);
        }

        var result = await writer.UpdateAsync(document, validation.Fields!, document.Version, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Status == StatusCodes.Status409Conflict ? ApiProblems.PreconditionFailed() : ApiProblems.From(result);
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
