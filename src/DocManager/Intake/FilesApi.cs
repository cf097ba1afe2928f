using DocManager.Data;
using DocManager.Documents;
using DocManager.Hosting;
using DocManager.Sessions;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Intake;

/// <summary>`POST /api/files`: the upload of `/upload` for scripts, with the same streaming intake and rules.</summary>
public static class FilesApi
{
    public static RouteGroupBuilder MapFilesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/files", UploadAsync).WithTags("Documents")
            .WithSummary("Upload one or more files (multipart/form-data, fields as /upload); all are stored or none")
            .DisableAntiforgery(); // the token is checked from the X-CSRF-TOKEN header before the body is read
        return api;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, IntakeService intake, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = http.User.GetUserId();
        await using var upload = new UploadForm();
        var created = await intake.AcceptAsync(http, upload, userId, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created.Refusal);
        }

        var ids = created.Value.Select(d => d.Id).ToList();
        var summaries = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
        return TypedResults.Created((string?)null, new DocumentList([.. summaries.OrderBy(d => d.Id).Select(d => DocumentDto.From(d, userId))]));
    }
}
