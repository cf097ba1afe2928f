using DocManager.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Accounts;

/// <summary>Creating accounts and checking passwords, with ASP.NET Core Identity's PBKDF2 hasher.</summary>
public sealed class AccountService(AppDbContext db, IPasswordHasher<User> hasher, TimeProvider clock)
{
    // Verifying against this when the user does not exist makes "no such user" take as long as "wrong password".
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<User>().HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>Creates the account, or returns null when the name is already taken (ignoring case).</summary>
    public async Task<User?> RegisterAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var name = userName.Trim();
        var normalized = User.Normalize(name);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            return null;
        }

        var user = new User
        {
            UserName = name,
            NormalizedUserName = normalized,
            DisplayName = name,
            PasswordHash = "",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return user;
        }
        catch (DbUpdateException)
        {
            // Two registrations raced for the same name: the unique index let only one through.
            db.Entry(user).State = EntityState.Detached;
            return null;
        }
    }

    /// <summary>The user these credentials belong to, or null (unknown user and wrong password alike).</summary>
    public async Task<User?> FindByCredentialsAsync(string userName, string password, CancellationToken cancellationToken)
    {
        // A name no account can have is not looked up (PostgreSQL refuses text with NUL in it).
        var user = UserNameRules.Check(userName) is not null
            ? null
            : await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == User.Normalize(userName), cancellationToken);
        if (user is null)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            return null;
        }

        return await VerifyAsync(user, password, cancellationToken) ? user : null;
    }

    public async Task<bool> VerifyAsync(User user, string password, CancellationToken cancellationToken)
    {
        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // Hashes made with older, weaker settings are upgraded on the next correct sign-in.
            user.PasswordHash = hasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result != PasswordVerificationResult.Failed;
    }

    public async Task SetPasswordAsync(User user, string newPassword, CancellationToken cancellationToken)
    {
        user.PasswordHash = hasher.HashPassword(user, newPassword);
        await db.SaveChangesAsync(cancellationToken);
    }
}
