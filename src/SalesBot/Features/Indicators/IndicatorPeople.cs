namespace SalesBot.Features.Indicators;

/// <summary>A person as the indicators need them: who, and in which team.</summary>
public sealed record IndicatorPerson(Guid Id, string Name, Guid? TeamId, string? TeamName);

/// <summary>
/// Everyone in the organisation, read once per request: whose figures a scope takes, the goals'
/// fallbacks and sums, names in requests. An organisation's people are few; a card of every
/// indicator asks for them many times.
/// </summary>
public sealed class IndicatorPeople(SalesBotDbContext db)
{
    private List<IndicatorPerson>? _all;

    public async Task<IReadOnlyList<IndicatorPerson>> AllAsync(CancellationToken ct) =>
        _all ??= await db.People.AsNoTracking()
            .Select(p => new IndicatorPerson(p.Id, p.Name, p.TeamId, p.Team == null ? null : p.Team.Name)).ToListAsync(ct);
}
