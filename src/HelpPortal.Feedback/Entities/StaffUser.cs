using Microsoft.AspNetCore.Identity;

namespace HelpPortal.Feedback;

/// <summary>A support lead or editor who signs in to the staff pages.</summary>
public sealed class StaffUser : IdentityUser;

/// <summary>The staff roles; the authorization policies carry the same names.</summary>
public static class StaffRoles
{
    public const string SupportLead = "SupportLead";
    public const string Editor = "Editor";

    public static IReadOnlyList<string> All { get; } = [SupportLead, Editor];
}
