using DocManager.Data;
using DocManager.Documents;
using DocManager.Sessions;

namespace DocManager.History;

public static class HistoryApi
{
    public static RouteGroupBuilder MapHistoryApi(this RouteGroupBuilder api)
    {
        api.MapMethods("/documents/{id:int}/history", [HttpMethods.Get, HttpMethods.Head], ListAsync)
            .WithTags("History").WithSummary("Who did what to a document and when, newest first (owner only)");
        return api;
    }

    /// <summary>`GET /api/documents/{id}/history`: 403 for a viewer (who knows the document), 404 for anyone else.</summary>
    private static async Task<IResult> ListAsync(int id, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var (_, access) = await db.FindForChangeAsync(id, http.User.GetUserId(), cancellationToken);
        return access switch
        {
            Access.NotFound => Results.NotFound(),
            Access.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "Only the owner sees a document's history."),
            _ => Results.Ok(new HistoryList(await HistoryQueries.ListAsync(db, id, cancellationToken))),
        };
    }
}
