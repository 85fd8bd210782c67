namespace SalesBot.Features.Organization;

public sealed record SeedSummary(int PeopleCreated, int PeopleUpdated, bool TeamCreated);

/// <summary>
/// Creates or refreshes the demo organisation. Running it again changes nothing new: people are
/// matched by Entra object id and the team by name.
/// </summary>
public sealed class SeedDemoOrganization(SalesBotDbContext db)
{
    public async Task<Result<SeedSummary>> ExecuteAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("seed-demo");

        var team = await db.Teams.FirstOrDefaultAsync(t => t.Name == DemoOrganization.TeamName, ct);
        var teamCreated = team is null;
        if (team is null)
        {
            team = new Team(DemoOrganization.TeamName);
            db.Teams.Add(team);
        }

        var ids = DemoOrganization.People.Select(p => p.AadObjectId).ToList();
        var existing = await db.People.Where(p => ids.Contains(p.AadObjectId)).ToDictionaryAsync(p => p.AadObjectId, ct);
        var bySlug = new Dictionary<string, Person>();
        int created = 0, updated = 0;
        foreach (var demo in DemoOrganization.People)
        {
            if (existing.TryGetValue(demo.AadObjectId, out var person))
            {
                if (person.Name != demo.Name || person.Email != demo.Email || person.Roles != demo.Roles)
                {
                    person.Update(demo.Name, demo.Email, demo.Roles);
                    updated++;
                }
            }
            else
            {
                person = new Person(demo.AadObjectId, demo.Name, demo.Email, demo.Roles);
                db.People.Add(person);
                created++;
            }
            var wantedTeam = demo.InTeam ? team : null;
            if (person.TeamId != wantedTeam?.Id) person.AssignTeam(wantedTeam);
            bySlug[demo.Slug] = person;
        }
        foreach (var demo in DemoOrganization.People)
        {
            var person = bySlug[demo.Slug];
            var manager = demo.ManagerSlug is null ? null : bySlug[demo.ManagerSlug];
            if (person.ManagerId != manager?.Id) person.TryAssignManager(manager);
        }
        await db.SaveChangesAsync(ct);
        return new SeedSummary(created, updated, teamCreated);
    }
}
