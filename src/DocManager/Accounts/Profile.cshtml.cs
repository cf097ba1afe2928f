using DocManager.Data;
using DocManager.Documents;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocManager.Accounts;

public sealed class ProfileModel(AppDbContext db, IOptions<DocumentLimits> limits) : PageModel
{
    public User Account { get; private set; } = null!;

    public long Quota => limits.Value.QuotaBytes;

    /// <summary>Share of the quota in use, 0–100, for the meter.</summary>
    public int PercentUsed => Quota <= 0 ? 100 : (int)Math.Min(100, Math.Ceiling(Account.StorageUsed * 100.0 / Quota));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        Account = user;
        return Page();
    }
}
