using HelpPortal.Feedback;
using HelpPortal.Mail;
using Microsoft.AspNetCore.Identity;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// <c>add-user EMAIL --role SupportLead|Editor</c>: creates or updates a staff account. The password is read
/// from one line of standard input, so it never appears in the shell history or the process list.
/// </summary>
internal static class AddUserCommand
{
    private const string Usage = "usage: add-user EMAIL --role SupportLead|Editor [--role ...]  (password on one line of standard input)";

    public static Task<int> RunAsync(WebApplication app, string[] args, TextReader input, TextWriter output) =>
        RunAsync(app.Services, args, input, output);

    public static async Task<int> RunAsync(IServiceProvider rootServices, string[] args, TextReader input, TextWriter output)
    {
        if (!TryParse(args, out var email, out var roles, out var problem))
        {
            await output.WriteLineAsync($"add-user: {problem}");
            await output.WriteLineAsync(Usage);
            return 2;
        }
        var password = await input.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("add-user: no password on standard input (one line expected).");
            return 1;
        }

        await using var scope = rootServices.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await PortalStoreInitializer.InitializeAsync(services, CancellationToken.None);
        var users = services.GetRequiredService<UserManager<StaffUser>>();

        var user = await users.FindByNameAsync(email);
        var created = user is null;
        user ??= new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            errors.AddRange(check.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0)
        {
            await output.WriteLineAsync($"add-user: the password is not accepted: {string.Join(" ", errors)}");
            return 1;
        }

        var steps = created
            ? [() => users.CreateAsync(user, password)]
            : new List<Func<Task<IdentityResult>>>
            {
                () => users.RemovePasswordAsync(user),
                () => users.AddPasswordAsync(user, password),
                // Accounts made before lockout moved to StaffLockout may still carry Identity's own lock.
                async () => await users.GetLockoutEnabledAsync(user) ? await users.SetLockoutEndDateAsync(user, null) : IdentityResult.Success,
                () => users.ResetAccessFailedCountAsync(user),
            };
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                await output.WriteLineAsync($"add-user: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                return 1;
            }
        }

        // The account ends with exactly the roles asked for, so the command can also take a role away.
        var current = await users.GetRolesAsync(user);
        var roleResult = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (roleResult.Succeeded)
        {
            roleResult = await users.AddToRolesAsync(user, roles.Except(current));
        }
        if (!roleResult.Succeeded)
        {
            await output.WriteLineAsync($"add-user: {string.Join(" ", roleResult.Errors.Select(e => e.Description))}");
            return 1;
        }
        await output.WriteLineAsync($"{(created ? "Created" : "Updated")} staff account {email} with role {string.Join(", ", roles)}.");
        return 0;
    }

    private static bool TryParse(string[] args, out string email, out List<string> roles, out string problem)
    {
        email = "";
        roles = [];
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--role")
            {
                var role = i + 1 < args.Length ? StaffRoles.All.FirstOrDefault(r => string.Equals(r, args[i + 1], StringComparison.OrdinalIgnoreCase)) : null;
                if (role is null)
                {
                    problem = $"--role must be followed by {string.Join(" or ", StaffRoles.All)}.";
                    return false;
                }
                if (!roles.Contains(role))
                {
                    roles.Add(role);
                }
                i++;
            }
            else if (email.Length == 0 && !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                email = args[i].Trim();
            }
            else
            {
                problem = $"unexpected argument '{args[i]}'.";
                return false;
            }
        }
        if (!EmailAddressCheck.Check(email).IsValid)
        {
            problem = email.Length == 0 ? "an email address is required." : $"'{email}' is not an email address.";
            return false;
        }
        if (roles.Count == 0)
        {
            problem = "--role is required.";
            return false;
        }
        return true;
    }
}
