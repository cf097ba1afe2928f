using DocManager.Data;
using DocManager.Documents;
using DocManager.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocManager.Accounts;

/// <summary>`GET /api/me`: who is signed in and how much of their storage is used.</summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapMethods("/me", [HttpMethods.Get, HttpMethods.Head], GetAsync).WithTags("Account").WithSummary("The signed-in user");
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext http, AppDbContext db, IOptions<DocumentLimits> limits, CancellationToken cancellationToken)
    {
        var userId = http.User.GetUserId();
        var me = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Me(u.Id, u.UserName, u.DocumentCount, u.StorageUsed, limits.Value.QuotaBytes))
            .SingleAsync(cancellationToken);
        return TypedResults.Ok(me);
    }

    public sealed record Me(int Id, string Username, int DocumentCount, long StorageUsed, long StorageQuota);
}
