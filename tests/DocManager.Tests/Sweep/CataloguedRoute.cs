namespace DocManager.Tests.Sweep;

/// <summary>What a route reads from the request body; the sweep sends each kind of spoiled body only to the routes that read it.</summary>
public enum BodyKind
{
    None,

    /// <summary>`application/x-www-form-urlencoded`, with the anti-forgery field added by the sweep.</summary>
    Form,

    /// <summary>A JSON object, with the `X-CSRF-TOKEN` header added by the sweep.</summary>
    Json,

    /// <summary>`multipart/form-data`: the sample fields plus one small text file as `file`.</summary>
    Multipart,
}

/// <summary>
/// One route of the app, and a valid request to it that the sweep spoils one way at a time. Samples
/// are written as they travel (percent-encoded, ASCII) and may use the sweep world's placeholders:
/// <list type="bullet">
/// <item><c>{id}</c>: a document with a file (a picture, previews made), owned by the signed-in user and shared with the viewer; <c>{version}</c>: its version; <c>{page}</c>: its page image; <c>{number}</c>: its only (current) file version</item>
/// <item><c>{userId}</c> / <c>{viewer}</c>: that viewer's id / username; <c>{owner}</c>: the signed-in user's name; <c>{password}</c>: both users' password</item>
/// <item><c>{notification}</c>: an unread notification of the signed-in user; <c>{newUser}</c>: a username nobody has yet</item>
/// <item><c>{asset}</c>: a static file; <c>{path}</c>: a file name that does not exist; <c>{documentName}</c>: the OpenAPI document; <c>{code}</c>: an error status</item>
/// </list>
/// A field the route reads several times appears several times in <see cref="Fields"/> (the sweep repeats only the others).
/// </summary>
/// <param name="Method">The HTTP method (HEAD is swept with GET).</param>
/// <param name="Template">The path as the app routes it, parameters named as in the app, without constraints.</param>
/// <param name="Body">What the route reads from the body.</param>
/// <param name="SignedIn">Whether it is called by a signed-in user (otherwise by an anonymous visitor).</param>
/// <param name="Query">A valid query string, without `?`.</param>
/// <param name="Fields">Valid form or multipart fields, as a query string.</param>
/// <param name="Json">A valid JSON body.</param>
/// <param name="ValidStatus">What the valid request answers, when it is not a success or redirect (the error page, a file that does not exist).</param>
public sealed record CataloguedRoute(
    string Method, string Template, BodyKind Body = BodyKind.None, bool SignedIn = true,
    string Query = "", string Fields = "", string Json = "", int? ValidStatus = null)
{
    /// <summary>How the route catalogue and the app's endpoints are matched: `POST /documents/{id}/edit`.</summary>
    public string Key => $"{Method} {Template}";

    public bool IsSafe => Method is "GET" or "HEAD";

    public override string ToString() => Key;
}
