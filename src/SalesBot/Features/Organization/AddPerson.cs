using System.Net.Mail;

namespace SalesBot.Features.Organization;

public sealed record AddPersonInput(
    string AadObjectId, string Name, string Email, IReadOnlyList<string> Roles,
    string? TeamName, string? ManagerAadObjectId);

/// <summary>Registers a person in the organisation. Only administrators may.</summary>
public sealed class AddPerson(SalesBotDbContext db)
{
    public async Task<Result<Person>> ExecuteAsync(Actor actor, AddPersonInput input, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("users.add");
        if (Validate(input) is { } invalid) return invalid;

        var roles = input.Roles.Aggregate(Role.None, (acc, r) => RoleNames.TryParse(r, out var role) ? acc | role : acc);
        var aadId = input.AadObjectId.Trim();
        if (await db.People.AnyAsync(p => p.AadObjectId == aadId, ct))
            return DomainError.Conflict("person", aadId);

        Team? team = null;
        if (!string.IsNullOrWhiteSpace(input.TeamName))
        {
            var teamName = input.TeamName.Trim();
            team = await db.Teams.FirstOrDefaultAsync(t => t.Name == teamName, ct);
            if (team is null) return DomainError.NotFound("team", teamName);
        }

        Person? manager = null;
        if (!string.IsNullOrWhiteSpace(input.ManagerAadObjectId))
        {
            var managerId = input.ManagerAadObjectId.Trim();
            if (managerId == aadId) return DomainError.Invalid("manager", "self");
            manager = await db.People.FirstOrDefaultAsync(p => p.AadObjectId == managerId, ct);
            if (manager is null) return DomainError.NotFound("manager", managerId);
        }

        var person = new Person(aadId, input.Name.Trim(), input.Email.Trim(), roles);
        person.AssignTeam(team);
        person.TryAssignManager(manager);
        db.People.Add(person);
        return person;
    }

    internal static DomainError? Validate(AddPersonInput input)
    {
        if (string.IsNullOrWhiteSpace(input.AadObjectId) || input.AadObjectId.Trim().Length > 128)
            return DomainError.Invalid("aad-object-id", "required-max", "128");
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
            return DomainError.Invalid("name", "required-max", "200");
        if (!IsEmail(input.Email))
            return DomainError.Invalid("email", "not-email");
        if (input.Roles.Count == 0)
            return DomainError.Invalid("role", "one-of", string.Join(", ", RoleNames.All));
        var unknown = input.Roles.FirstOrDefault(r => !RoleNames.TryParse(r, out _));
        if (unknown is not null)
            return DomainError.Invalid("role", "one-of", string.Join(", ", RoleNames.All));
        return null;
    }

    private static bool IsEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 254) return false;
        return MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim() && address.Host.Contains('.');
    }
}
