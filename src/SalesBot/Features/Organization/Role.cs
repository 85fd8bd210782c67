namespace SalesBot.Features.Organization;

/// <summary>What a person may do; a person can hold several roles.</summary>
[Flags]
public enum Role
{
    None = 0,
    Executive = 1,
    TeamLead = 2,
    CommercialDirector = 4,
    GeneralDirector = 8,
    CustomerService = 16,
    Admin = 32,
}

public static class RoleNames
{
    private static readonly (Role Role, string Name)[] Names =
    [
        (Role.Executive, "executive"),
        (Role.TeamLead, "team-lead"),
        (Role.CommercialDirector, "commercial-director"),
        (Role.GeneralDirector, "general-director"),
        (Role.CustomerService, "customer-service"),
        (Role.Admin, "admin"),
    ];

    public static IReadOnlyList<string> All => Names.Select(n => n.Name).ToList();

    public static bool TryParse(string text, out Role role)
    {
        var match = Names.FirstOrDefault(n => string.Equals(n.Name, text.Trim(), StringComparison.OrdinalIgnoreCase));
        role = match.Role;
        return match.Role != Role.None;
    }

    public static string Format(Role roles) =>
        string.Join(",", Names.Where(n => roles.HasFlag(n.Role)).Select(n => n.Name));
}
