using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Notifications;

/// <summary>`/notifications`: the user's notifications, newest first, with mark-as-read that works without JavaScript.</summary>
public sealed class IndexModel(NotificationService notifications) : PageModel
{
    public int Unread { get; private set; }

    public IReadOnlyList<NotificationMessage> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (Unread, Items) = await notifications.ListAsync(User.GetUserId(), 100, null, cancellationToken);

    /// <summary>`POST /notifications/read`: the posted `ids`, or every one with `all=true`.</summary>
    public async Task<IActionResult> OnPostReadAsync([FromForm(Name = "ids")] long[]? ids, [FromForm(Name = "all")] bool all, CancellationToken cancellationToken)
    {
        await notifications.MarkReadAsync(User.GetUserId(), all ? null : ids ?? [], cancellationToken);
        return LocalRedirect("/notifications");
    }
}
