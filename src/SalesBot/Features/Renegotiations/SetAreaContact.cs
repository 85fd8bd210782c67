namespace SalesBot.Features.Renegotiations;

/// <summary>Sets who answers for an area (administrators).</summary>
public sealed class SetAreaContact(SalesBotDbContext db)
{
    public async Task<Result<(Area Area, Person Person)>> ExecuteAsync(Actor actor, string? area, string? email, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("areas.set");
        if (Areas.Codes.Parse(area) is not { } parsed) return DomainError.Invalid("area", "one-of", string.Join(", ", Areas.Codes.Codes));
        var wanted = (email ?? "").Trim().ToLowerInvariant();
        var person = await db.People.FirstOrDefaultAsync(p => p.Email.ToLower() == wanted, ct);
        if (person is null) return DomainError.NotFound("person", email ?? "");
        var contact = await db.AreaContacts.FirstOrDefaultAsync(c => c.Area == parsed, ct);
        if (contact is null) db.AreaContacts.Add(new AreaContact(parsed, person.Id));
        else contact.Set(person.Id);
        return (parsed, person);
    }
}
