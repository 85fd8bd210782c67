namespace SalesBot.Features.Clients;

public sealed record ClientSummary(Guid Id, string Name, string? TaxId, ClientSegment Segment, ClientStatus Status, string? City, string? OwnerName);

/// <summary>A client as a card shared in any conversation may show it: no NIT, no contact, no address.</summary>
public sealed record SharedClient(Guid Id, string Name, ClientSegment Segment, ClientStatus Status, string? OwnerName);

/// <summary>Finds clients the actor may see, by words of the name or by NIT digits.</summary>
public sealed class SearchClients(SalesBotDbContext db)
{
    public const int DefaultTake = 10;

    // Every form that names a client looks it up by id, twice (the picker, then the use case):
    // compiled, with the actor's ClientScope as parameters. The same filter as ClientAccess.Visible;
    // ClientAccessTests holds the two to the same answers.
    private static readonly PerModelQuery<Guid, bool, Guid?, Guid?, ClientSummary?> VisibleById = new((db, id, all, owner, team, ct) =>
        db.Clients.Where(c => c.Id == id
                && (all
                    || (owner != null && c.OwnerId == owner)
                    || (team != null && db.People.Any(p => p.TeamId == team && (Guid?)p.Id == c.OwnerId))))
            .Select(c => new ClientSummary(c.Id, c.Name, c.TaxId, c.Segment, c.Status, c.City,
                db.People.Where(p => p.Id == c.OwnerId).Select(p => p.Name).FirstOrDefault()))
            .FirstOrDefault());

    public async Task<Result<IReadOnlyList<ClientSummary>>> ExecuteAsync(Actor actor, string? query, int take, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("clients.search");
        if (await MatchingAsync(actor, query, ct) is not { } matching) return Array.Empty<ClientSummary>();
        return await Summaries(matching.OrderBy(c => c.NormalizedName).Take(Math.Clamp(take, 1, 50))).ToListAsync(ct);
    }

    /// <summary>A page of the clients the actor may see that match, as a shared card shows them (the message extension's search).</summary>
    public async Task<Result<IReadOnlyList<SharedClient>>> ForSharingAsync(Actor actor, string? query, int skip, int take, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("clients.search");
        if (await MatchingAsync(actor, query, ct) is not { } matching) return Array.Empty<SharedClient>();
        return await Shared(matching.OrderBy(c => c.NormalizedName).ThenBy(c => c.Id).Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 50))).ToListAsync(ct);
    }

    /// <summary>The client with this id as a shared card shows it, when the actor may see it.</summary>
    public async Task<Result<SharedClient>> ForSharingByIdAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("clients.search");
        var visible = ClientAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct));
        var found = await Shared(visible.Where(c => c.Id == id)).FirstOrDefaultAsync(ct);
        return found is null ? DomainError.NotFound("client", id.ToString()) : found;
    }

    /// <summary>The visible clients the words (of the name) or NIT digits match; null when what was typed can match nothing.</summary>
    private async Task<IQueryable<Client>?> MatchingAsync(Actor actor, string? query, CancellationToken ct)
    {
        var visible = ClientAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct));
        var terms = SearchTerms.Parse(query);
        var digits = Nit.DigitsOf(query);
        var byNit = digits.Length >= 5 ? visible.Where(c => c.TaxId != null && c.TaxId.StartsWith(digits)) : null;
        if (!terms.IsEmpty)
        {
            // Every word must appear in the name ("ferreteria sol" finds "Ferretería El Sol"), or the digits in the NIT.
            var byName = visible.Where(terms.AllMatch<Client>((c, term) => c.NormalizedName.Contains(term)));
            return byNit is null ? byName : byName.Union(byNit);
        }
        // Something was typed but no word of two letters or more ("x", "9.0.0.1.2.3"): only a NIT can match, never everyone.
        if (!string.IsNullOrWhiteSpace(query)) return byNit;
        return visible;
    }

    /// <summary>The client with this id, when the actor may see it (a picked value from a card is input like any other).</summary>
    public async Task<Result<ClientSummary>> ByIdAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("clients.search");
        var scope = ClientAccess.ScopeOf(actor, await ActorTeam.OfAsync(db, actor, ct));
        var found = await VisibleById.RunAsync(db, id, scope.All, scope.Owner, scope.Team, ct);
        return found is null ? DomainError.NotFound("client", id.ToString()) : found;
    }

    private IQueryable<SharedClient> Shared(IQueryable<Client> clients) =>
        clients.Select(c => new SharedClient(c.Id, c.Name, c.Segment, c.Status, db.People.Where(p => p.Id == c.OwnerId).Select(p => p.Name).FirstOrDefault()));

    private IQueryable<ClientSummary> Summaries(IQueryable<Client> clients) =>
        clients.Select(c => new ClientSummary(c.Id, c.Name, c.TaxId, c.Segment, c.Status, c.City,
            db.People.Where(p => p.Id == c.OwnerId).Select(p => p.Name).FirstOrDefault()));
}
