namespace SalesBot.Features.Organization;

/// <summary>What the organisation knows about the person asking: name, e-mail, roles, team and manager.</summary>
public sealed class MyProfile(SalesBotDbContext db)
{
    public async Task<Result<PersonSummary>> ExecuteAsync(Actor actor, CancellationToken ct)
    {
        if (actor.PersonId is not { } me) return DomainError.NotFound("person", actor.Id);
        var profile = await db.People.AsNoTracking().Where(p => p.Id == me)
            .Select(p => new PersonSummary(p.AadObjectId, p.Name, p.Email, p.Roles, p.Team == null ? null : p.Team.Name, p.Manager == null ? null : p.Manager.Name))
            .FirstOrDefaultAsync(ct);
        return profile is null ? DomainError.NotFound("person", actor.Id) : profile;
    }
}
