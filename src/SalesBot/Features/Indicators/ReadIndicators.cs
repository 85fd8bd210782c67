using SalesBot.Features.Shared;
namespace SalesBot.Features.Indicators;

/// <summary>Whose indicators a request names: the asker's default, their team, the company, or a person by name.</summary>
public sealed record ScopeRequest(ScopeKind? Kind, string? PersonName)
{
    public static readonly ScopeRequest Default = new(null, null);
}

/// <summary>
/// Indicators for the people allowed to read them: an executive their own, a team lead their own
/// and their team's (and each member's), directors and administrators anyone's and the company's.
/// Without a scope an executive reads their own, a team lead their team's, a director the company's.
/// </summary>
public sealed class ReadIndicators(IndicatorPeople everyone, IndicatorEngine engine)
{
    public async Task<Result<IReadOnlyList<IndicatorResult>>> ExecuteAsync(Actor actor, IReadOnlyList<Indicator> indicators, ScopeRequest request,
        IndicatorPeriod period, CancellationToken ct)
    {
        var scope = await ScopeOfAsync(actor, request, ct);
        if (!scope.Ok) return scope.Error!;
        var results = new List<IndicatorResult>();
        foreach (var indicator in indicators) results.Add(await engine.ComputeAsync(indicator, scope.Value!, period, ct));
        return results;
    }

    private static bool SeesAll(Actor actor) => actor.Has(Role.Admin) || actor.Has(Role.CommercialDirector) || actor.Has(Role.GeneralDirector);

    /// <summary>The scope a request names, if the actor may read it (the monthly report asks the same question).</summary>
    public async Task<Result<IndicatorScope>> ScopeOfAsync(Actor actor, ScopeRequest request, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("indicators.read");
        var people = await everyone.AllAsync(ct);
        var me = actor.PersonId is { } id ? people.FirstOrDefault(p => p.Id == id) : null;
        var kind = request.PersonName is not null ? ScopeKind.Person
            : request.Kind ?? (SeesAll(actor) ? ScopeKind.Company : actor.Has(Role.TeamLead) && me?.TeamId is not null ? ScopeKind.Team : ScopeKind.Person);
        switch (kind)
        {
            case ScopeKind.Company:
                return SeesAll(actor) ? IndicatorScope.Company("") : DomainError.Forbidden("indicators.company");
            case ScopeKind.Team:
                if (me?.TeamId is not { } team) return DomainError.Forbidden("indicators.team");
                return actor.Has(Role.TeamLead) || SeesAll(actor) ? new IndicatorScope(ScopeKind.Team, team, me.TeamName!) : DomainError.Forbidden("indicators.team");
            default:
                if (request.PersonName is not { } name)
                    return me is null ? DomainError.Forbidden("indicators.read") : new IndicatorScope(ScopeKind.Person, me.Id, me.Name);
                var words = TextFolding.Fold(name);
                if (words.Length == 0) return DomainError.NotFound("person", name);
                var matches = people.Where(p => TextFolding.Fold(p.Name).Contains(words, StringComparison.Ordinal)).ToList();
                if (matches.Count != 1) return matches.Count == 0 ? DomainError.NotFound("person", name) : DomainError.Invalid("owner", "person-ambiguous", string.Join(", ", matches.Select(p => p.Name).Take(10)));
                var person = matches[0];
                var allowed = person.Id == me?.Id || SeesAll(actor) || actor.Has(Role.TeamLead) && me?.TeamId is not null && person.TeamId == me.TeamId;
                return allowed ? new IndicatorScope(ScopeKind.Person, person.Id, person.Name) : DomainError.Forbidden("indicators.person");
        }
    }
}
