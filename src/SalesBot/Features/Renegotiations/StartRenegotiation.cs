using SalesBot.Features.Clients;

namespace SalesBot.Features.Renegotiations;

/// <summary>Starts a renegotiation for a client the executive manages, and consults every area.</summary>
public sealed class StartRenegotiation(SalesBotDbContext db, SearchClients clients, IRenegotiationNotifications notify, TimeProvider clock)
{
    public async Task<Result<StartedRenegotiation>> ExecuteAsync(Actor actor, Guid clientId, string? requirement, CancellationToken ct)
    {
        if (actor.PersonId is not { } me || !(actor.Has(Role.Executive) || actor.Has(Role.TeamLead))) return DomainError.Forbidden("renegotiations.start");
        var client = await clients.ByIdAsync(actor, clientId, ct);
        if (!client.Ok) return client.Error!;
        var text = requirement?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2000) return DomainError.Invalid("requirement", "required-max", "2000");
        if (await db.Renegotiations.AnyAsync(r => r.ClientId == clientId && (r.Status == RenegotiationStatus.Consulting || r.Status == RenegotiationStatus.Proposal), ct))
            return new DomainError("renegotiation-open", client.Value!.Name);
        var contacts = await db.AreaContacts.ToListAsync(ct);
        var missing = Enum.GetValues<Area>().Where(a => contacts.All(c => c.Area != a)).ToList();
        if (missing.Count > 0) return new DomainError("no-area-contact", string.Join(", ", missing.Select(a => Areas.Codes.Code(a))));

        var renegotiation = new Renegotiation(clientId, me, text, clock.GetUtcNow());
        db.Renegotiations.Add(renegotiation);
        var consulted = new List<(Area, string)>();
        foreach (var contact in contacts.OrderBy(c => c.Area))
        {
            var consultation = new AreaConsultation(renegotiation.Id, contact.Area, contact.PersonId);
            db.AreaConsultations.Add(consultation);
            var person = await db.People.FirstAsync(p => p.Id == contact.PersonId, ct);
            await notify.ConsultAsync(renegotiation, consultation, person, client.Value!.Name, actor.DisplayName, ct);
            consulted.Add((contact.Area, person.Name));
        }
        return new StartedRenegotiation(renegotiation, consulted);
    }
}

/// <summary>A renegotiation started, and who was consulted in each area, in area order.</summary>
public sealed record StartedRenegotiation(Renegotiation Renegotiation, IReadOnlyList<(Area Area, string PersonName)> Consulted);
