namespace SalesBot.Features.Pipeline;

/// <summary>A deal as a card shared in any conversation may show it (the privacy table's deal fields).</summary>
public sealed record SharedDeal(Guid Id, string Title, string ClientName, string? OwnerName, Stage Stage, decimal Value, string Currency, DateOnly? ExpectedClose);

/// <summary>A deal with its client's name, as replies and forms show it.</summary>
public sealed record DealOfClient(Opportunity Deal, string ClientName);

/// <summary>
/// The visible deals a user means: by id (from a card) or by words of the title or the client's
/// name ("ferreteria suministro"). Several matches come back for the user to choose; an exact
/// title wins over partial matches.
/// </summary>
public sealed class FindOpportunities(SalesBotDbContext db)
{
    private const int MaxMatches = 11;

    public async Task<Result<IReadOnlyList<DealOfClient>>> ExecuteAsync(Actor actor, string? reference, CancellationToken ct)
    {
        var visible = OpportunityAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct));
        if (Guid.TryParse(reference, out var id))
            return await WithClientAsync(visible.Where(o => o.Id == id), ct) is { Count: 1 } one ? one : DomainError.NotFound("opportunity", reference!);
        var terms = SearchTerms.Parse(reference);
        if (terms.IsEmpty) return DomainError.Invalid("opportunity-name", "opportunity");
        var folded = terms.Folded;
        var query = visible.Where(terms.AllMatch<Opportunity>((o, term) =>
            o.NormalizedTitle.Contains(term) || db.Clients.Any(c => c.Id == o.ClientId && c.NormalizedName.Contains(term))));
        var found = await WithClientAsync(query.OrderBy(o => o.Stage == Stage.Won || o.Stage == Stage.Lost).ThenBy(o => o.NormalizedTitle).Take(MaxMatches), ct);
        if (found.Count == 0) return DomainError.NotFound("opportunity", reference!.Trim());
        return found.Where(d => d.Deal.NormalizedTitle == folded).ToList() is { Count: 1 } exact ? exact : found;
    }

    /// <summary>
    /// A page of the visible deals whose title or client's name has every word typed (all visible
    /// ones when nothing is typed), open ones first, as a shared card shows them: the message
    /// extension's search.
    /// </summary>
    public async Task<Result<IReadOnlyList<SharedDeal>>> ForSharingAsync(Actor actor, string? query, int skip, int take, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("opportunities.search");
        var visible = OpportunityAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct));
        var terms = SearchTerms.Parse(query);
        if (!terms.IsEmpty)
            visible = visible.Where(terms.AllMatch<Opportunity>((o, term) =>
                o.NormalizedTitle.Contains(term) || db.Clients.Any(c => c.Id == o.ClientId && c.NormalizedName.Contains(term))));
        else if (!string.IsNullOrWhiteSpace(query)) return Array.Empty<SharedDeal>(); // typed, but no word to look for: never everyone
        return await Shared(visible.OrderBy(o => o.Stage == Stage.Won || o.Stage == Stage.Lost).ThenBy(o => o.NormalizedTitle).ThenBy(o => o.Id)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 50))).ToListAsync(ct);
    }

    /// <summary>The deal with this id as a shared card shows it, when the actor may see it.</summary>
    public async Task<Result<SharedDeal>> ForSharingByIdAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("opportunities.search");
        var visible = OpportunityAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct));
        var found = await Shared(visible.Where(o => o.Id == id)).FirstOrDefaultAsync(ct);
        return found is null ? DomainError.NotFound("opportunity", id.ToString()) : found;
    }

    private IQueryable<SharedDeal> Shared(IQueryable<Opportunity> deals) =>
        deals.Select(o => new SharedDeal(o.Id, o.Title, db.Clients.Where(c => c.Id == o.ClientId).Select(c => c.Name).First(),
            db.People.Where(p => p.Id == o.OwnerId).Select(p => p.Name).FirstOrDefault(), o.Stage, o.TotalValue, o.Currency, o.ExpectedClose));

    private Task<List<DealOfClient>> WithClientAsync(IQueryable<Opportunity> deals, CancellationToken ct) =>
        deals.Select(o => new DealOfClient(o, db.Clients.Where(c => c.Id == o.ClientId).Select(c => c.Name).First())).ToListAsync(ct);
}
