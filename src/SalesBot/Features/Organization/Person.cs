namespace SalesBot.Features.Organization;

/// <summary>
/// Someone in the sales organisation, known by their Entra object id (Teams' from.aadObjectId),
/// kept as an opaque string: the Agents Playground's ids are not GUIDs.
/// </summary>
public sealed class Person : IAudited
{
    private Person() { }

    public Person(string aadObjectId, string name, string email, Role roles)
    {
        Id = NewId.Next();
        AadObjectId = aadObjectId;
        Name = name;
        Email = email;
        Roles = roles;
    }

    public Guid Id { get; private set; }
    public string AadObjectId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public Role Roles { get; private set; }
    public Guid? TeamId { get; private set; }
    public Team? Team { get; private set; }
    public Guid? ManagerId { get; private set; }
    public Person? Manager { get; private set; }

    public bool Has(Role role) => (Roles & role) == role;

    public void AssignTeam(Team? team)
    {
        Team = team;
        TeamId = team?.Id;
    }

    /// <summary>Sets the manager; nobody manages themselves (that would break approval escalation).</summary>
    public bool TryAssignManager(Person? manager)
    {
        if (manager is not null && manager.Id == Id) return false;
        Manager = manager;
        ManagerId = manager?.Id;
        return true;
    }

    public void Update(string name, string email, Role roles)
    {
        Name = name;
        Email = email;
        Roles = roles;
    }
}
