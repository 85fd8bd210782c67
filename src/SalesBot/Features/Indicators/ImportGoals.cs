using SalesBot.Features.Shared;
using System.Globalization;

namespace SalesBot.Features.Indicators;

/// <summary>
/// `salesbot goals import FILE`: goals per indicator, scope (person:EMAIL, team:NAME or company) and
/// month, in currency units, a count or a %. A goal imported again is replaced; the same target
/// changes nothing. Only administrators set goals.
/// </summary>
public sealed class ImportGoals(SalesBotDbContext db, PeopleDirectory directory, TimeProvider clock)
{
    public static readonly FileColumns Columns = new(
        new FileColumn("indicator", ["indicator", "indicador"], true, "budget_execution_regulated, budget_execution_non_regulated, conversion, visit_compliance, pqr_timeliness, churn"),
        new FileColumn("scope", ["scope", "alcance"], true, "person:EMAIL, team:NAME or company"),
        new FileColumn("month", ["month", "mes"], true, "YYYY-MM"),
        new FileColumn("target", ["target", "meta"], true, "in currency units (non-regulated budget), a count (regulated sign-ups) or a % (the rates); 0 or more"));

    public async Task<Result<IReadOnlyList<ImportRow>>> ExecuteAsync(Actor actor, IReadOnlyList<ImportCells> rows, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("goals.set");
        var people = await directory.IdsByEmailAsync(ct);
        var teams = (await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct)).ToDictionary(t => TextFolding.Fold(t.Name), t => t.Id);
        var now = clock.GetUtcNow();
        var report = new List<ImportRow>();
        var seen = new Dictionary<(Indicator, ScopeKind, Guid, int, int), int>();
        foreach (var row in rows)
        {
            var errors = new List<DomainError>();
            var label = $"{row["indicator"]} {row["scope"]} {row["month"]}";
            var indicator = Indicators.Codes.Parse(row["indicator"]);
            if (indicator is null || indicator.Value.GoalKindOf() == GoalKind.None)
                errors.Add(DomainError.Invalid("indicator", "one-of", string.Join(", ", Indicators.Codes.Codes.Where(c => Indicators.Codes.Parse(c)!.Value.GoalKindOf() != GoalKind.None))));
            var scope = ScopeOf(row["scope"], people, teams, errors);
            var month = IndicatorPeriod.Parse(row["month"]) is { Kind: PeriodKind.Month } p ? p : null;
            if (month is null) errors.Add(DomainError.Invalid("month", "month"));
            var target = InputAmounts.Parse(row["target"]?.TrimEnd('%'));
            if (target is null) errors.Add(DomainError.Invalid("target", "money"));
            else if (indicator?.GoalKindOf() == GoalKind.Rate && target > 1000) errors.Add(DomainError.Invalid("target", "between", "0", "1000"));
            if (errors.Count == 0 && !seen.TryAdd((indicator!.Value, scope!.Value.Kind, scope.Value.Id, month!.From.Year, month.From.Month), row.Line))
                errors.Add(new DomainError("duplicate-row", seen[(indicator.Value, scope.Value.Kind, scope.Value.Id, month.From.Year, month.From.Month)].ToString(CultureInfo.InvariantCulture)));
            if (errors.Count > 0)
            {
                report.Add(ImportRow.Rejected(row.Line, label, errors));
                continue;
            }
            var (kind, id) = scope!.Value;
            var (year, m) = (month!.From.Year, month.From.Month);
            var existing = await db.Goals.FirstOrDefaultAsync(g => g.Indicator == indicator && g.ScopeKind == kind && g.ScopeId == id && g.Year == year && g.Month == m, ct);
            if (existing is null)
            {
                db.Goals.Add(new Goal(indicator!.Value, kind, id, year, m, target!.Value, now));
                report.Add(new ImportRow(row.Line, ImportOutcome.Created, label, []));
            }
            else report.Add(new ImportRow(row.Line, existing.Replace(target!.Value, now) ? ImportOutcome.Updated : ImportOutcome.Unchanged, label, []));
        }
        await db.SaveChangesAsync(ct);
        return report;
    }

    private static (ScopeKind Kind, Guid Id)? ScopeOf(string? text, IReadOnlyDictionary<string, Guid> people, Dictionary<string, Guid> teams, List<DomainError> errors)
    {
        var t = text ?? "";
        if (t.Equals("company", StringComparison.OrdinalIgnoreCase) || t.Equals("empresa", StringComparison.OrdinalIgnoreCase)) return (ScopeKind.Company, Guid.Empty);
        var colon = t.IndexOf(':');
        var (kind, name) = colon < 0 ? ("", "") : (t[..colon].Trim().ToLowerInvariant(), t[(colon + 1)..].Trim());
        if (kind is "person" or "persona" && people.TryGetValue(name, out var person)) return (ScopeKind.Person, person);
        if (kind is "team" or "equipo" && teams.TryGetValue(TextFolding.Fold(name), out var team)) return (ScopeKind.Team, team);
        errors.Add(kind is "person" or "persona" or "team" or "equipo" ? DomainError.NotFound(kind is "team" or "equipo" ? "team" : "person", name) : DomainError.Invalid("scope", "scope"));
        return null;
    }
}
