using SalesBot.Features.Shared;
namespace SalesBot.Features.Indicators;

/// <summary>Where a scope's goal comes from when it was not set for it (the rules of <see cref="GoalBook"/>).</summary>
public enum GoalSource
{
    /// <summary>No goal: none set, and nothing to add up or fall back on.</summary>
    None,
    Set,
    /// <summary>A team's count or money: the sum of its members' goals; the company's: of its teams'.</summary>
    Sum,
    /// <summary>A person's rate: their team's.</summary>
    TeamRate,
    /// <summary>A team's or person's rate: the company's.</summary>
    CompanyRate,
}

/// <summary>One scope's goal for an indicator in the month, and where it comes from.</summary>
public sealed record GoalLine(IndicatorScope Scope, decimal? Target, GoalSource Source);

/// <summary>An indicator's goal for the scope asked about, and its members' (a team's executives, the company's teams).</summary>
public sealed record IndicatorGoals(Indicator Indicator, GoalLine Goal, IReadOnlyList<GoalLine> Members);

/// <summary>A month's goals as a reader reviews them: the indicators that take a goal, each with its members.</summary>
public sealed record GoalSheet(IndicatorScope Scope, IndicatorPeriod Month, IReadOnlyList<IndicatorGoals> Indicators);

/// <summary>
/// "metas [mes]": the goals of a month, for whoever may read the scope's indicators (directors the
/// company with each team, a team lead the team with each executive, an executive their own), with
/// the goals that were not set shown as the sum or the fallback they take. Goals are of whole
/// months: a quarter's is the sum or mean of three of these, so a month is what is reviewed.
/// </summary>
public sealed class ReadGoals(SalesBotDbContext db, ReadIndicators indicators, GoalBook book, IndicatorPeople everyone)
{
    public async Task<Result<GoalSheet>> ExecuteAsync(Actor actor, ScopeRequest request, IndicatorPeriod month, CancellationToken ct)
    {
        if (month.Kind != PeriodKind.Month) return DomainError.Invalid("month", "goals-month");
        var scope = await indicators.ScopeOfAsync(actor, request, ct);
        if (!scope.Ok) return scope.Error!;
        var (year, number) = (month.From.Year, month.From.Month);
        var set = (await db.Goals.AsNoTracking().Where(g => g.Year == year && g.Month == number)
                .Select(g => new { g.Indicator, g.ScopeKind, g.ScopeId }).ToListAsync(ct))
            .Select(g => (g.Indicator, g.ScopeKind, g.ScopeId)).ToHashSet();
        var people = await everyone.AllAsync(ct);
        var members = await everyone.MembersAsync(scope.Value!, ct);

        async Task<GoalLine> LineAsync(Indicator indicator, IndicatorScope s)
        {
            var target = await book.GoalAsync(indicator, s, month, ct);
            return new GoalLine(s, target, target is null ? GoalSource.None : SourceOf(indicator, s));
        }
        GoalSource SourceOf(Indicator indicator, IndicatorScope s)
        {
            if (set.Contains((indicator, s.Kind, s.Id ?? Guid.Empty))) return GoalSource.Set;
            if (indicator.GoalKindOf() != GoalKind.Rate) return GoalSource.Sum;
            var team = s.Kind == ScopeKind.Person ? people.FirstOrDefault(p => p.Id == s.Id)?.TeamId : null;
            return team is { } t && set.Contains((indicator, ScopeKind.Team, t)) ? GoalSource.TeamRate : GoalSource.CompanyRate;
        }

        var sheet = new List<IndicatorGoals>();
        foreach (var indicator in Enum.GetValues<Indicator>().Where(i => i.GoalKindOf() != GoalKind.None))
        {
            var lines = new List<GoalLine>();
            foreach (var member in members) lines.Add(await LineAsync(indicator, member));
            sheet.Add(new IndicatorGoals(indicator, await LineAsync(indicator, scope.Value!), lines));
        }
        return new GoalSheet(scope.Value!, month, sheet);
    }
}
