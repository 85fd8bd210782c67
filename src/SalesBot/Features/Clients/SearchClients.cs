namespace SalesBot.Features.Clients;

public sealed record ClientSummary(Guid Id, string Name, string? TaxId, ClientSegment Segment, ClientStatus Status, string? City, string? OwnerName);

/// <summary>A client as a card shared in any conversation may show it: no NIT, no contact, no address.</summary>
public sealed record SharedClient(Guid Id, string Name, ClientSegment Segment, ClientStatus Status, string? OwnerName);

/// <summary>Finds clients the actor may see, by words of the name or by NIT digits.</summary>
public sealed class SearchClients(SalesBotDbContext db)
{
    public const int DefaultTake = 10;

    // Every form that names a client looks it up by id, twice (the picker, then the use case), with
    // the actor's ClientScope as parameters: the same filter as ClientAccess.Visible. ClientAccessTests
    // holds the two to the same answers, and the SQL to what the EF query returns.
    private static readonly PerModelQuery<Guid, bool, Guid?, Guid?, ClientSummary?> VisibleByIdThroughEf = new((db, id, all, owner, team, ct) =>
        db.Clients.Where(c => c.Id == id
                && (all
                    || (owner != null && c.OwnerId == owner)
                    || (team != null && db.People.Any(p => p.TeamId == team && (Guid?)p.Id == c.OwnerId))))
            .Select(c => new ClientSummary(c.Id, c.Name, c.TaxId, c.Segment, c.Status, c.City,
                db.People.Where(p => p.Id == c.OwnerId).Select(p => p.Name).FirstOrDefault()))
            .FirstOrDefault());

    internal static readonly TurnQuery<(Guid Id, ClientScope Scope), ClientSummary?> VisibleById = new(
        (db, a, ct) => VisibleByIdThroughEf.RunAsync(db, a.Id, a.Scope.All, a.Scope.Owner, a.Scope.Team, ct),
        db =>
        {
            string C(string property) => "c." + DirectRead<Client>.Column(db, property);
            string P(string property) => DirectRead<Person>.Column(db, property);
            var people = DirectRead<Person>.Table(db);
            return $"SELECT {C(nameof(Client.Id))}, {C(nameof(Client.Name))}, {C(nameof(Client.TaxId))}, {C(nameof(Client.Segment))}, " +
                $"{C(nameof(Client.Status))}, {C(nameof(Client.City))}, " +
                $"(SELECT o.{P(nameof(Person.Name))} FROM {people} AS o WHERE o.{P(nameof(Person.Id))} = {C(nameof(Client.OwnerId))} LIMIT 1) " +
                $"FROM {DirectRead<Client>.Table(db)} AS c WHERE {C(nameof(Client.Id))} = $id AND ($all " +
                $"OR ($owner IS NOT NULL AND {C(nameof(Client.OwnerId))} = $owner) " +
                $"OR ($team IS NOT NULL AND EXISTS (SELECT 1 FROM {people} AS t WHERE t.{P(nameof(Person.TeamId))} = $team AND t.{P(nameof(Person.Id))} = {C(nameof(Client.OwnerId))}))) " +
                "LIMIT 1";
        },
        (db, command, a) =>
        {
            DirectRead<Client>.Parameter(db, command, "$id", nameof(Client.Id), a.Id);
            TurnQuery.Parameter(command, "$all", a.Scope.All);
            DirectRead<Client>.Parameter(db, command, "$owner", nameof(Client.OwnerId), a.Scope.Owner);
            DirectRead<Person>.Parameter(db, command, "$team", nameof(Person.TeamId), a.Scope.Team);
        },
        (db, row) => new ClientSummary(
            DirectRead<Client>.Value<Guid>(db, row, 0, nameof(Client.Id)),
            DirectRead<Client>.Value<string>(db, row, 1, nameof(Client.Name))!,
            DirectRead<Client>.Value<string>(db, row, 2, nameof(Client.TaxId)),
            DirectRead<Client>.Value<ClientSegment>(db, row, 3, nameof(Client.Segment)),
            DirectRead<Client>.Value<ClientStatus>(db, row, 4, nameof(Client.Status)),
            DirectRead<Client>.Value<string>(db, row, 5, nameof(Client.City)),
            DirectRead<Person>.Value<string>(db, row, 6, nameof(Person.Name))));

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
        var found = await VisibleById.RunAsync(db, (id, scope), ct);
        return found is null ? DomainError.NotFound("client", id.ToString()) : found;
    }

    private IQueryable<SharedClient> Shared(IQueryable<Client> clients) =>
        clients.Select(c => new SharedClient(c.Id, c.Name, c.Segment, c.Status, db.People.Where(p => p.Id == c.OwnerId).Select(p => p.Name).FirstOrDefault()));

    private IQueryable<ClientSummary> Summaries(IQueryable<Client> clients) =>
        clients.Select(c => new ClientSummary(c.Id, c.Name, c.TaxId, c.Segment, c.Status, c.City,
            db.People.Where(p => p.Id == c.OwnerId).Select(p => p.Name).FirstOrDefault()));
}
