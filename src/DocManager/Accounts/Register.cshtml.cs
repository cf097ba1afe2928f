using DocManager.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Accounts;

[AllowAnonymous]
public sealed class RegisterModel(AccountService accounts) : PageModel
{
    [BindProperty(Name = "username")]
    public string? Username { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "confirmPassword")]
    public string? ConfirmPassword { get; set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect("/documents") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (UserNameRules.Check(Username) is { } nameProblem)
        {
            ModelState.AddModelError("username", nameProblem);
        }

        if (UserNameRules.CheckPassword(Password) is { } passwordProblem)
        {
            ModelState.AddModelError("password", passwordProblem);
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError("confirmPassword", "Passwords do not match");
        }

        if (ModelState.IsValid)
        {
            var user = await accounts.RegisterAsync(Username!, Password!, cancellationToken);
            if (user is not null)
            {
                await HttpContext.SignInWithNewSessionAsync(user, rememberMe: false);
                return LocalRedirect("/documents");
            }

            ModelState.AddModelError("username", "Username already taken");
        }

        Password = ConfirmPassword = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
