using SalesBot.Features.Clients;

namespace SalesBot.Features.Pqrs;

/// <summary>
/// Who answers a PQR: the client's owner; else the executives of the routing team in turn (the
/// one whose last assignment is oldest goes next, which needs no counter and survives restarts).
/// </summary>
public sealed class PqrRouting(SalesBotDbContext db, IOptions<PqrOptions> options)
{
    public async Task<Person?> ChooseAssigneeAsync(Client client, CancellationToken ct)
    {
        if (client.OwnerId is { } ownerId && await db.People.FindAsync([ownerId], ct) is { } owner) return owner;

        var executives = db.People.Where(p => (p.Roles & Role.Executive) == Role.Executive);
        if (options.Value.RoutingTeam is { Length: > 0 } teamName)
            executives = executives.Where(p => p.Team != null && p.Team.Name == teamName);
        var candidates = await executives
            .Select(p => new
            {
                Person = p,
                LastAssigned = db.Pqrs.Where(q => q.AssigneeId == p.Id).OrderByDescending(q => q.AssignedAt)
                    .Select(q => q.AssignedAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // Assignments made in this unit of work are not in the database yet.
        var pending = db.Pqrs.Local.Where(q => q.AssigneeId is not null).GroupBy(q => q.AssigneeId!.Value)
            .ToDictionary(g => g.Key, g => g.Max(q => q.AssignedAt));
        return candidates
            .OrderBy(c => pending.GetValueOrDefault(c.Person.Id) ?? c.LastAssigned ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.Person.Name, StringComparer.Ordinal)
            .Select(c => c.Person)
            .FirstOrDefault();
    }
}
