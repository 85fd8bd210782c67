using SalesBot.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBot.Features.Indicators;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Bench;

/// <summary>What one timed run computes: one indicator (or every one, as a card does) for a scope over a period.</summary>
public sealed record BenchCase(IReadOnlyList<Indicator> Indicators, IndicatorScope Scope, string ScopeLabel, IndicatorPeriod Period)
{
    public string IndicatorLabel => Indicators.Count == 1 ? Indicators[0].Code() : $"all {Indicators.Count} in one scope (`indicadores`)";
}

/// <summary>
/// The cases measured: each indicator for an executive, their team and the company over the last
/// month the data covers (conversion also over its quarter), then all seven in one scope, which is
/// what the chat's `indicadores` card computes.
/// </summary>
public static class BenchCases
{
    public const string SampleExecutiveEmail = "ejecutivo001@ventas.example";
    public const string SampleTeamName = "Ventas 01";

    public static async Task<IReadOnlyList<BenchCase>> ResolveAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Email == SampleExecutiveEmail, ct);
        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.Name == SampleTeamName, ct);
        var members = await db.People.CountAsync(p => p.TeamId == team.Id, ct);
        var everyone = await db.People.CountAsync(ct);
        // The last whole month: billing is loaded up to the month before the load, so reruns on
        // later days keep measuring the same, fully populated month.
        var lastBilled = await db.ClientBillings.MaxAsync(b => b.Year * 100 + b.Month, ct);
        var month = IndicatorPeriod.Month(lastBilled / 100, lastBilled % 100);
        var quarter = IndicatorPeriod.Holding(PeriodKind.Quarter, month.From);

        (IndicatorScope Scope, string Label)[] scopes =
        [
            (new IndicatorScope(ScopeKind.Person, person.Id, person.Name), $"person ({person.Name})"),
            (new IndicatorScope(ScopeKind.Team, team.Id, team.Name), $"team ({team.Name}, {members} people)"),
            (IndicatorScope.Company("company"), $"company ({everyone} people)"),
        ];
        var cases = new List<BenchCase>();
        foreach (var indicator in Enum.GetValues<Indicator>())
        {
            foreach (var (s, label) in scopes) cases.Add(new BenchCase([indicator], s, label, month));
            if (indicator == Indicator.Conversion)
                foreach (var (s, label) in scopes) cases.Add(new BenchCase([indicator], s, label, quarter));
        }
        foreach (var (s, label) in scopes) cases.Add(new BenchCase(Enum.GetValues<Indicator>(), s, label, month));
        return cases;
    }
}
