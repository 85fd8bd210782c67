using SalesBot.Features.Shared;
namespace SalesBot.Features.Indicators;

/// <summary>
/// The goal of an indicator for a scope and a period, by the rules of the goals issue: a period not
/// made of whole months has none; counts and money add up (a quarter is the sum of its months, a
/// team without its own goal the sum of its members', the company without one the sum of its
/// teams'); rates fall back (a person without one takes their team's, else the company's; a team
/// the company's) and average over months, except churn, which accumulates.
/// </summary>
public sealed class GoalBook(SalesBotDbContext db, IndicatorPeople everyone)
{
    // One request reads many periods of many indicators: goals and people are read once (both are small).
    private List<Goal>? _goals;

    public async Task<decimal?> GoalAsync(Indicator indicator, IndicatorScope scope, IndicatorPeriod period, CancellationToken ct)
    {
        var kind = indicator.GoalKindOf();
        if (kind == GoalKind.None || period.Months is not { } months) return null;
        _goals ??= await db.Goals.AsNoTracking().ToListAsync(ct);
        var people = await everyone.AllAsync(ct);
        var byKey = _goals.Where(g => g.Indicator == indicator && months.Contains((g.Year, g.Month)))
            .ToDictionary(g => (g.ScopeKind, g.ScopeId, g.Year, g.Month), g => g.Target);
        decimal? Own(ScopeKind k, Guid id, (int Year, int Month) m) => byKey.TryGetValue((k, id, m.Year, m.Month), out var t) ? t : null;
        Guid? TeamOf(Guid person) => people.FirstOrDefault(p => p.Id == person)?.TeamId;

        decimal? SumOf(IEnumerable<decimal?> values)
        {
            var set = values.Where(v => v is not null).Select(v => v!.Value).ToList();
            return set.Count == 0 ? null : set.Sum();
        }
        decimal? TeamCount(Guid team, (int, int) m) => Own(ScopeKind.Team, team, m) ?? SumOf(people.Where(p => p.TeamId == team).Select(p => Own(ScopeKind.Person, p.Id, m)));
        decimal? CountFor((int, int) m) => scope.Kind switch
        {
            ScopeKind.Person => Own(ScopeKind.Person, scope.Id!.Value, m),
            ScopeKind.Team => TeamCount(scope.Id!.Value, m),
            _ => Own(ScopeKind.Company, Guid.Empty, m) ?? SumOf(people.Where(p => p.TeamId != null).Select(p => p.TeamId!.Value).Distinct().Select(t => TeamCount(t, m))),
        };
        decimal? RateFor((int, int) m) => scope.Kind switch
        {
            ScopeKind.Person => Own(ScopeKind.Person, scope.Id!.Value, m)
                ?? (TeamOf(scope.Id.Value) is { } team ? Own(ScopeKind.Team, team, m) : null)
                ?? Own(ScopeKind.Company, Guid.Empty, m),
            ScopeKind.Team => Own(ScopeKind.Team, scope.Id!.Value, m) ?? Own(ScopeKind.Company, Guid.Empty, m),
            _ => Own(ScopeKind.Company, Guid.Empty, m),
        };

        if (kind is GoalKind.Count or GoalKind.Money) return SumOf(months.Select(CountFor));
        var rates = months.Select(RateFor).Where(r => r is not null).Select(r => r!.Value).ToList();
        if (rates.Count == 0) return null;
        return indicator == Indicator.Churn ? rates.Sum() : Math.Round(rates.Average(), 2);
    }
}
