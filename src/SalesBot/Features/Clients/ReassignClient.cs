namespace SalesBot.Features.Clients;

public sealed record ClientReassigned(Client Client, Person Owner, string? PreviousOwnerName);

/// <summary>
/// Gives a client to another executive: a team lead within their team (a client of the team, to
/// someone of the team), a director or administrator anyone's to anyone. The person is named by
/// words of their name or by their email; the change is audited with the client.
/// </summary>
public sealed class ReassignClient(SalesBotDbContext db, TimeProvider clock)
{
    public async Task<Result<ClientReassigned>> ExecuteAsync(Actor actor, Guid clientId, string? person, CancellationToken ct)
    {
        if (!actor.Has(Role.TeamLead) && !ClientAccess.ManagesAll(actor)) return DomainError.Forbidden("clients.assign-owner");
        var team = await ActorTeam.OfAsync(db, actor, ct);
        var client = await ClientAccess.Visible(db, actor, team).FirstOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null) return DomainError.NotFound("client", clientId.ToString());

        var words = TextFolding.Fold(person ?? "");
        if (words.Length == 0) return DomainError.Invalid("owner", "person");
        var people = await db.People.AsNoTracking().ToListAsync(ct);
        var byEmail = people.Where(p => string.Equals(p.Email, person!.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var matches = byEmail.Count > 0 ? byEmail : people.Where(p => TextFolding.Fold(p.Name).Contains(words, StringComparison.Ordinal)).ToList();
        if (matches.Count == 0) return DomainError.NotFound("person", person!.Trim());
        if (matches.Count > 1) return DomainError.Invalid("owner", "person-ambiguous", string.Join(", ", matches.Select(p => p.Name).Take(10)));
        var owner = matches[0];
        if (!ClientAccess.MayAssignOwner(actor, team, owner)) return DomainError.Forbidden("clients.assign-owner");
        if (client.OwnerId == owner.Id) return new DomainError("client-same-owner", client.Name, owner.Name);

        var previous = people.FirstOrDefault(p => p.Id == client.OwnerId)?.Name;
        client.AssignOwner(owner.Id, clock.GetUtcNow());
        return new ClientReassigned(client, owner, previous);
    }
}
