using System.Globalization;
using DocManager.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Accounts;

[AllowAnonymous]
public sealed class LoginModel(AccountService accounts, SignInThrottle throttle) : PageModel
{
    public const string InvalidCredentials = "Invalid username or password";

    [BindProperty(Name = "username")]
    public string? Username { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "rememberMe")]
    public bool RememberMe { get; set; }

    [BindProperty(Name = "returnUrl", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    // Shown even when signed in: signing in again (perhaps as someone else) replaces the session.
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Username))
        {
            ModelState.AddModelError("username", "Username required");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("password", "Password required");
        }

        if (!ModelState.IsValid)
        {
            return Rejected(StatusCodes.Status400BadRequest);
        }

        var address = HttpContext.Connection.RemoteIpAddress;
        if (await throttle.BlockedForAsync(Username!, address, cancellationToken) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            Message = $"Too many failed sign-ins. Try again in {Describe(seconds)}.";
            return Rejected(StatusCodes.Status429TooManyRequests);
        }

        var user = await accounts.FindByCredentialsAsync(Username!, Password!, cancellationToken);
        if (user is null)
        {
            await throttle.RecordFailureAsync(Username!, address, cancellationToken);
            Message = InvalidCredentials;
            return Rejected(StatusCodes.Status401Unauthorized);
        }

        await HttpContext.SignInWithNewSessionAsync(user, RememberMe);
        return LocalRedirect(SafeReturnUrl);
    }

    /// <summary>Only a path on this site is followed, so the login page cannot be used to send users elsewhere.</summary>
    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/documents";

    private PageResult Rejected(int status)
    {
        Password = null;
        Response.StatusCode = status;
        return Page();
    }

    private static string Describe(int seconds) =>
        seconds < 90 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes";
}
