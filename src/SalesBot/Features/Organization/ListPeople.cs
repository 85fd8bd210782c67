namespace SalesBot.Features.Organization;

public sealed record PersonSummary(string AadObjectId, string Name, string Email, Role Roles, string? Team, string? ManagerName);

/// <summary>The people of the organisation, for administrators and directors.</summary>
public sealed class ListPeople(SalesBotDbContext db)
{
    public async Task<Result<IReadOnlyList<PersonSummary>>> ExecuteAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin) && !actor.Has(Role.CommercialDirector) && !actor.Has(Role.GeneralDirector))
            return DomainError.Forbidden("users.list");
        var people = await db.People.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new PersonSummary(p.AadObjectId, p.Name, p.Email, p.Roles,
                p.Team == null ? null : p.Team.Name, p.Manager == null ? null : p.Manager.Name))
            .ToListAsync(ct);
        return people;
    }
}
