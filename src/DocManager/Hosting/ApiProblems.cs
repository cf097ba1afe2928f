using DocManager.Documents;

namespace DocManager.Hosting;

/// <summary>
/// The API's errors, all RFC 9457 problems with `status`, `title` and `detail` (the first message),
/// and for validation `errors: { field: [messages] }`.
/// </summary>
public static class ApiProblems
{
    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Title(StatusCodes.Status400BadRequest), detail: detail);

    public static IResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no document {id}, or it is not shared with you.");

    public static IResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only the owner of this document can change it.");

    public static IResult PreconditionFailed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed",
            detail: "The document was changed since you read it (If-Match does not match its ETag). Read it again, then repeat your change.");

    public static IResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: errors.Values.SelectMany(e => e).FirstOrDefault(), title: "Invalid input");

    /// <summary>A refusal with its status (400, 403 quota, 413, 409, 507…) and its messages per field.</summary>
    public static IResult From(Refusal refusal)
    {
        var errors = refusal.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
        return refusal.Status == StatusCodes.Status400BadRequest
            ? Invalid(errors)
            : TypedResults.Problem(statusCode: refusal.Status, title: Title(refusal.Status), detail: refusal.FirstMessage,
                extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    public static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status413PayloadTooLarge => "Too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status507InsufficientStorage => "Insufficient storage",
        _ => "Request refused",
    };
}
