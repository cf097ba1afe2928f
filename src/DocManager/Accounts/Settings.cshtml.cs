using System.Globalization;
using System.Net.Mail;
using DocManager.Data;
using DocManager.Security;
using DocManager.Sessions;
using DocManager.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocManager.Accounts;

/// <summary>Email, password, display preferences and the list of signed-in devices.</summary>
public sealed class SettingsModel(
    AppDbContext db,
    AccountService accounts,
    ISessionStore sessions,
    IOptions<SecurityOptions> security) : PageModel
{
    public string? Email { get; private set; }

    public Preferences Preferences { get; private set; } = Preferences.Default;

    public IReadOnlyList<ServerSession> Sessions { get; private set; } = [];

    public string? CurrentSessionId => User.GetSessionId();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostEmailAsync([FromForm(Name = "email")] string? email, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync(cancellationToken);
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length > 254 || (trimmed.Length > 0 && !IsEmail(trimmed)))
        {
            ModelState.AddModelError("email", "Enter a valid email address, or leave it empty");
            await LoadAsync(cancellationToken);
            Email = email;
            return Invalid();
        }

        user.Email = trimmed.Length == 0 ? null : trimmed;
        await db.SaveChangesAsync(cancellationToken);
        Notice = user.Email is null ? "Email removed." : "Email saved.";
        return LocalRedirect("/settings");
    }

    public async Task<IActionResult> OnPostPasswordAsync(
        [FromForm(Name = "currentPassword")] string? currentPassword,
        [FromForm(Name = "newPassword")] string? newPassword,
        [FromForm(Name = "confirmPassword")] string? confirmPassword,
        CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync(cancellationToken);
        if (string.IsNullOrEmpty(currentPassword) || !await accounts.VerifyAsync(user, currentPassword, cancellationToken))
        {
            ModelState.AddModelError("currentPassword", "Current password is incorrect");
        }

        if (UserNameRules.CheckPassword(newPassword) is { } problem)
        {
            ModelState.AddModelError("newPassword", problem);
        }
        else if (newPassword != confirmPassword)
        {
            ModelState.AddModelError("confirmPassword", "Passwords do not match");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        await accounts.SetPasswordAsync(user, newPassword!, cancellationToken);
        // Whoever may know the old password is signed out everywhere else; this browser stays in.
        await sessions.RemoveAllForUserAsync(user.Id, CurrentSessionId, cancellationToken);
        Notice = "Password changed. Your other sessions were signed out.";
        return LocalRedirect("/settings");
    }

    public async Task<IActionResult> OnPostPreferencesAsync(
        [FromForm(Name = "theme")] string? theme,
        [FromForm(Name = "pageSize")] string? pageSize,
        CancellationToken cancellationToken)
    {
        if (theme is null || !Preferences.Themes.Contains(theme))
        {
            ModelState.AddModelError("theme", "Choose a theme from the list");
        }

        if (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || !Preferences.PageSizes.Contains(size))
        {
            ModelState.AddModelError("pageSize", "Choose a page size from the list");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        var chosen = new Preferences(theme!, size);
        Response.Cookies.Append(Preferences.CookieName, chosen.ToCookieValue(), new CookieOptions
        {
            // Read by scripts for display; it grants nothing, so it need not be HttpOnly.
            HttpOnly = false,
            Secure = security.Value.SecureCookies,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        Notice = "Preferences saved.";
        return LocalRedirect("/settings");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync(cancellationToken);
        Email = user.Email;
        Preferences = Preferences.From(Request);
        Sessions = await sessions.ListForUserAsync(user.Id, cancellationToken);
    }

    private async Task<User> CurrentUserAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        return await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && !value.Any(char.IsControl);
}
