using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Sessions;

/// <summary>Signs out one of the user's other devices, or all of them.</summary>
public sealed class RevokeModel(ISessionStore sessions) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    public IActionResult OnGet() => LocalRedirect("/settings");

    public async Task<IActionResult> OnPostAsync(
        [FromForm(Name = "sessionId")] string? sessionId,
        [FromForm(Name = "all")] bool all,
        CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var current = User.GetSessionId();
        if (all)
        {
            await sessions.RemoveAllForUserAsync(userId, current, cancellationToken);
            Notice = "All your other sessions were signed out.";
            return LocalRedirect("/settings");
        }

        // Only a session of this user can be ended here; any other id is simply not found.
        var session = SessionKey.IsRecordId(sessionId) ? await sessions.FindAsync(sessionId!, cancellationToken) : null;
        if (session is null || session.UserId != userId)
        {
            return NotFound();
        }

        await sessions.RemoveAsync(session.Id, cancellationToken);
        Notice = session.Id == current ? "You were signed out." : "That session was signed out.";
        return LocalRedirect(session.Id == current ? "/login" : "/settings");
    }
}
