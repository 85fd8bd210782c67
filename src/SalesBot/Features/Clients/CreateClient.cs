namespace SalesBot.Features.Clients;

/// <summary>
/// Adds a client to the portfolio. Executives own what they create; a team lead may give it to
/// someone of their team; directors and administrators to anyone. The same NIT, or the same name
/// in the same city, is the same client: it is refused, not duplicated (a card clicked twice).
/// </summary>
public sealed class CreateClient(SalesBotDbContext db, TimeProvider clock)
{
    public async Task<Result<Client>> ExecuteAsync(Actor actor, ClientInput input, CancellationToken ct)
    {
        if (!ClientAccess.MayCreate(actor)) return DomainError.Forbidden("clients.create");
        var (details, errors) = input.Validate();
        if (details is null) return Result<Client>.Refused(errors);

        var actorTeam = await ActorTeam.OfAsync(db, actor, ct);
        Person? owner;
        if (ClientInput.Clean(input.OwnerEmail) is { } email)
        {
            owner = await ClientOwners.ByEmailAsync(db, email, ct);
            if (owner is null) return DomainError.NotFound("owner", email);
        }
        else
        {
            owner = actor.PersonId is { } me ? await db.People.FindAsync([me], ct) : null;
        }
        if (!ClientAccess.MayAssignOwner(actor, actorTeam, owner))
            return DomainError.Forbidden("clients.assign-owner");

        if (await ClientMatching.FindAsync(db, details, ct) is { } existing)
        {
            // The duplicate is refused either way; it is named only to someone who may see it.
            var seen = await ClientAccess.Visible(db, actor, actorTeam).AnyAsync(c => c.Id == existing.Id, ct);
            return seen
                ? DomainError.Conflict("client", existing.TaxId is { } nit ? $"{existing.Name} (NIT {Nit.Format(nit)})" : existing.Name)
                : new DomainError("client-exists-elsewhere");
        }

        var client = new Client(details, owner?.Id, clock.GetUtcNow());
        db.Clients.Add(client);
        return client;
    }
}

/// <summary>How the portfolio recognises a client it already has: by NIT, else by name and city.</summary>
public static class ClientMatching
{
    public static async Task<Client?> FindAsync(SalesBotDbContext db, ClientDetails details, CancellationToken ct)
    {
        if (details.TaxId is { } nit) return await db.Clients.FirstOrDefaultAsync(c => c.TaxId == nit, ct);
        var name = TextFolding.Fold(details.Name);
        var city = details.City is null ? null : TextFolding.Fold(details.City);
        return await db.Clients.FirstOrDefaultAsync(c => c.NormalizedName == name && c.NormalizedCity == city, ct);
    }
}

public static class ClientOwners
{
    public static Task<Person?> ByEmailAsync(SalesBotDbContext db, string email, CancellationToken ct)
    {
        var lower = email.Trim().ToLowerInvariant();
        return db.People.FirstOrDefaultAsync(p => p.Email.ToLower() == lower, ct);
    }
}
