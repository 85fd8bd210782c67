namespace SalesBot.Features.Indicators;

/// <summary>A person as the indicators need them: who, and in which team.</summary>
public sealed record IndicatorPerson(Guid Id, string Name, Guid? TeamId, string? TeamName, Role Roles);

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
            .Select(p => new IndicatorPerson(p.Id, p.Name, p.TeamId, p.Team == null ? null : p.Team.Name, p.Roles)).ToListAsync(ct);

    /// <summary>The people whose records a scope counts: the person, the team's members, or everyone (null).</summary>
    public async Task<List<Guid>?> OwnersAsync(IndicatorScope scope, CancellationToken ct) => scope.Kind switch
    {
        ScopeKind.Person => [scope.Id!.Value],
        ScopeKind.Team => (await AllAsync(ct)).Where(p => p.TeamId == scope.Id).Select(p => p.Id).ToList(),
        _ => null,
    };

    /// <summary>A scope's rows in a report: a team's executives, the company's teams (those with people in them); a person has none.</summary>
    public async Task<IReadOnlyList<IndicatorScope>> MembersAsync(IndicatorScope scope, CancellationToken ct)
    {
        var people = await AllAsync(ct);
        return scope.Kind switch
        {
            ScopeKind.Team => people.Where(p => p.TeamId == scope.Id && (p.Roles & Role.Executive) == Role.Executive)
                .OrderBy(p => p.Name, StringComparer.CurrentCulture).Select(p => new IndicatorScope(ScopeKind.Person, p.Id, p.Name)).ToList(),
            ScopeKind.Company => people.Where(p => p.TeamId is not null).DistinctBy(p => p.TeamId)
                .OrderBy(p => p.TeamName, StringComparer.CurrentCulture).Select(p => new IndicatorScope(ScopeKind.Team, p.TeamId, p.TeamName!)).ToList(),
            _ => [],
        };
    }

    /// <summary>The scope a link's key names, with its name as it is today; null when the key is bad or the person or team is gone.</summary>
    public async Task<IndicatorScope?> ScopeOfKeyAsync(string? key, CancellationToken ct) => IndicatorScope.ParseKey(key) switch
    {
        null => null,
        { Kind: ScopeKind.Person, Id: var id } => await db.People.Where(p => p.Id == id).Select(p => new IndicatorScope(ScopeKind.Person, p.Id, p.Name)).FirstOrDefaultAsync(ct),
        { Kind: ScopeKind.Team, Id: var id } => await db.Teams.Where(t => t.Id == id).Select(t => new IndicatorScope(ScopeKind.Team, t.Id, t.Name)).FirstOrDefaultAsync(ct),
        _ => IndicatorScope.Company(""),
    };
}
