namespace SalesBot.Features.Pipeline;

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

    private Task<List<DealOfClient>> WithClientAsync(IQueryable<Opportunity> deals, CancellationToken ct) =>
        deals.Select(o => new DealOfClient(o, db.Clients.Where(c => c.Id == o.ClientId).Select(c => c.Name).First())).ToListAsync(ct);
}
