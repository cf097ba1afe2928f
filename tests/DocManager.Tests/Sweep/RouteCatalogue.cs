using static DocManager.Tests.Sweep.BodyKind;

namespace DocManager.Tests.Sweep;

/// <summary>
/// Every route of the app, for the malformed-input sweep. A new page, handler or endpoint joins by
/// adding one line here: <see cref="RouteCatalogueTests"/> fails while an endpoint of the app is
/// missing, and every kind of malformed input in <see cref="MalformedInputSweep"/> then runs on it.
/// </summary>
public static class RouteCatalogue
{
    private const string Get = "GET";
    private const string Post = "POST";
    private const string Patch = "PATCH";
    private const string Delete = "DELETE";
    private const string DocumentFields = "title=Swept+note&description=Made+by+the+sweep&category=notes&tags=swept&tags=notes&priority=high";
    private const string UploadFields = "title=Swept+upload&description=Sent+by+the+sweep&category=report&tags=swept&tags=notes&priority=normal";
    private const string ListFilters = "q=report&category=report&tag=swept&owner=me&from=2020-01-01&to=2099-12-31&sort=title";

    public static readonly IReadOnlyList<CataloguedRoute> Routes =
    [
        // Accounts
        new(Get, "/", SignedIn: false),
        new(Get, "/login", SignedIn: false, Query: "returnUrl=%2Fdocuments"),
        new(Post, "/login", Form, SignedIn: false, Fields: "username={owner}&password={password}&rememberMe=true&returnUrl=%2Fdocuments"),
        new(Get, "/logout"),
        new(Post, "/logout", Form),
        new(Get, "/register", SignedIn: false),
        new(Post, "/register", Form, SignedIn: false, Fields: "username={newUser}&password={password}&confirmPassword={password}"),
        new(Get, "/profile"),
        new(Get, "/settings"),
        new(Post, "/settings/email", Form, Fields: "email=swept%40example.com"),
        new(Post, "/settings/password", Form, Fields: "currentPassword={password}&newPassword=another+long+password&confirmPassword=another+long+password"),
        new(Post, "/settings/preferences", Form, Fields: "theme=dark&pageSize=25"),
        new(Get, "/settings/sessions/revoke"),
        new(Post, "/settings/sessions/revoke", Form, Fields: "all=true"),
        new(Get, "/api/me"),

        // Documents
        new(Get, "/documents", Query: ListFilters + "&page=1&pageSize=25"),
        new(Get, "/documents/cards", Query: ListFilters + "&limit=10"),
        new(Get, "/documents/new"),
        new(Post, "/documents/new", Form, Fields: DocumentFields),
        new(Get, "/documents/{id}"),
        new(Get, "/documents/{id}/edit"),
        new(Post, "/documents/{id}/edit", Form, Fields: "title=Swept+report&description=Edited&category=report&tags=swept&tags=edited&priority=low&version={version}"),
        new(Get, "/documents/{id}/delete"),
        new(Post, "/documents/{id}/delete", Form),
        new(Get, "/files/{id}", Query: "inline=1&version=1"),
        new(Get, "/api/documents/{id}/versions"),
        new(Get, "/api/documents/{id}/history"),
        new(Get, "/documents/{id}/history"),
        new(Post, "/api/documents/{id}/versions", Multipart),
        new(Get, "/documents/{id}/thumbnail", Query: "v=0123456789ab"),
        new(Get, "/documents/{id}/pages/{page}", Query: "v=0123456789ab"),
        new(Get, "/api/documents", Query: ListFilters + "&limit=10"),
        new(Post, "/api/documents", Json, Json: """{"title":"Swept note","description":"Made by the sweep","category":"notes","tags":["swept","notes"],"priority":"high"}"""),
        new(Get, "/api/documents/{id}"),
        new(Patch, "/api/documents/{id}", Json, Json: """{"title":"Swept report","tags":["swept"],"priority":"low"}"""),
        new(Delete, "/api/documents/{id}"),

        // Intake
        new(Get, "/upload"),
        new(Post, "/upload", Multipart, Fields: UploadFields),
        new(Post, "/api/files", Multipart, Fields: UploadFields),

        // Sharing
        new(Get, "/documents/{id}/shares"),
        new(Post, "/documents/{id}/shares", Form, Fields: "username={viewer}"),
        new(Get, "/documents/{id}/file"),
        new(Post, "/documents/{id}/file", Multipart),
        new(Get, "/documents/{id}/versions/{number}/restore"),
        new(Post, "/documents/{id}/versions/{number}/restore", Form),
        new(Get, "/documents/{id}/versions/{number}/delete"),
        new(Post, "/documents/{id}/versions/{number}/delete", Form, ValidStatus: 400), // {number} is the current version: kept
        new(Get, "/documents/{id}/shares/{userId}/delete"),
        new(Post, "/documents/{id}/shares/{userId}/delete", Form),

        // Search
        new(Get, "/search", Query: "q=report&page=1"),
        new(Get, "/api/suggest", Query: "q=rep"),

        // Notifications
        new(Get, "/notifications"),
        new(Post, "/notifications/read", Form, Fields: "ids={notification}&ids={notification}"),
        new(Get, "/api/notifications", Query: "limit=10&before=1000"),
        new(Post, "/api/notifications/read", Json, Json: """{"ids":[{notification}]}"""),
        new(Get, "/api/notifications/stream"),

        // Hosting: health, the API's description, static files, the error page
        new(Get, "/healthz", SignedIn: false),
        new(Get, "/readyz", SignedIn: false),
        new(Get, "/openapi/{documentName}.json", SignedIn: false),
        new(Get, "/{asset}", SignedIn: false),
        new(Get, "/{path}", SignedIn: false, ValidStatus: 404),
        new(Get, "/error/{code}", SignedIn: false, ValidStatus: 404),
    ];

    public static IEnumerable<CataloguedRoute> Taking(BodyKind body) => Routes.Where(r => r.Body == body);
}
