using System.Globalization;
using DocManager.Data;
using DocManager.Notifications;
using DocManager.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocManager.Documents;

/// <summary>Tells a user once, when an upload takes their storage past 90% of the quota.</summary>
public sealed class QuotaWarning(AppDbContext db, NotificationService notifications, IOptions<DocumentLimits> limits)
{
    public const double Threshold = 0.9;

    public async Task CheckAsync(int userId, long usedBefore, CancellationToken cancellationToken)
    {
        var quota = limits.Value.QuotaBytes;
        var usedNow = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.StorageUsed).SingleAsync(cancellationToken);
        if (quota <= 0 || usedBefore >= quota * Threshold || usedNow < quota * Threshold)
        {
            return;
        }

        var percent = (usedNow * 100.0 / quota).ToString("0", CultureInfo.InvariantCulture);
        notifications.Add(userId, NotificationService.Storage,
            $"Your storage is {percent}% full: {Format.Bytes(usedNow)} of {Format.Bytes(quota)}. Delete documents you no longer need to make room.",
            "/profile");
        await db.SaveChangesAsync(cancellationToken);
        await notifications.PublishAsync(cancellationToken);
    }
}
