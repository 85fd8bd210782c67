namespace SalesBot.Features.Organization;

/// <summary>A demo person: their Teams identity in the Agents Playground and their place in the organisation.</summary>
public sealed record DemoPerson(
    string Slug, string ChannelUserId, string AadObjectId, string Name, string GivenName, string Surname,
    string Email, Role Roles, bool InTeam, string? ManagerSlug);

/// <summary>
/// The small organisation `seed-demo` creates: one person per role, one team, a management chain.
/// Alex Wilber carries the Agents Playground's default user ids, so a plain Playground is an
/// executive; the others get Playground configuration files of their own.
/// </summary>
public static class DemoOrganization
{
    // The Agents Playground's own defaults, so a Playground started without a config matches too.
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";
    public const string BotId = "00000000-0000-0000-0000-00000000000011";
    public const string TeamName = "Ventas Bogotá";

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("alex-wilber", "user-id-0", "00000000-0000-0000-0000-0000000000020", "Alex Wilber", "Alex", "Wilber",
            "alexw@contoso.example", Role.Executive, InTeam: true, ManagerSlug: "megan-bowen"),
        new("megan-bowen", "user-id-1", "00000000-0000-0000-0000-0000000000021", "Megan Bowen", "Megan", "Bowen",
            "meganb@contoso.example", Role.TeamLead, InTeam: true, ManagerSlug: "diego-siciliani"),
        new("diego-siciliani", "user-id-2", "00000000-0000-0000-0000-0000000000022", "Diego Siciliani", "Diego", "Siciliani",
            "diegos@contoso.example", Role.CommercialDirector, InTeam: false, ManagerSlug: "isaiah-langer"),
        new("isaiah-langer", "user-id-3", "00000000-0000-0000-0000-0000000000023", "Isaiah Langer", "Isaiah", "Langer",
            "isaiahl@contoso.example", Role.GeneralDirector, InTeam: false, ManagerSlug: null),
        new("lynne-robbins", "user-id-4", "00000000-0000-0000-0000-0000000000024", "Lynne Robbins", "Lynne", "Robbins",
            "lynner@contoso.example", Role.CustomerService, InTeam: false, ManagerSlug: "diego-siciliani"),
        new("adele-vance", "user-id-5", "00000000-0000-0000-0000-0000000000025", "Adele Vance", "Adele", "Vance",
            "adelev@contoso.example", Role.Admin, InTeam: false, ManagerSlug: "isaiah-langer"),
    ];
}
