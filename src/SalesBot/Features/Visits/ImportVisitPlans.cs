using System.Globalization;

namespace SalesBot.Features.Visits;

/// <summary>
/// `salesbot import visit-plans FILE`: each executive's planned visits per month, as `plan de
/// visitas` sets them. A month imported again is replaced; the same number changes nothing.
/// </summary>
public sealed class ImportVisitPlans(SalesBotDbContext db, PeopleDirectory directory, VisitCompliance compliance)
{
    public static readonly FileColumns Columns = new(
        new FileColumn("owner", ["owner_email", "owner", "ejecutivo", "email"], true, "the executive's email"),
        new FileColumn("month", ["month", "mes"], true, "YYYY-MM"),
        new FileColumn("planned", ["planned", "plan", "planeadas", "visitas"], true, "visits planned in the month, 0 to 500"));

    public async Task<Result<IReadOnlyList<ImportRow>>> ExecuteAsync(Actor actor, IReadOnlyList<ImportCells> rows, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("visits.plan");
        var people = await directory.IdsByEmailAsync(ct);
        var report = new List<ImportRow>();
        var seen = new Dictionary<(Guid, DateOnly), int>();
        foreach (var row in rows)
        {
            var errors = new List<DomainError>();
            var label = $"{row["owner"]} {row["month"]}";
            if (row["owner"] is not { } email || !people.TryGetValue(email, out var ownerId))
            {
                errors.Add(DomainError.NotFound("person", row["owner"] ?? "-"));
                ownerId = Guid.Empty;
            }
            var month = InputDates.TryParseMonth(row["month"], out var first) ? first : (DateOnly?)null;
            if (month is null) errors.Add(DomainError.Invalid("month", "month"));
            if (!int.TryParse(row["planned"], NumberStyles.None, CultureInfo.InvariantCulture, out var planned)) errors.Add(DomainError.Invalid("visit-plan", "between", "0", "500"));
            // Two rows for one month would make each run undo the other: the first one stands.
            if (errors.Count == 0 && !seen.TryAdd((ownerId, month!.Value), row.Line))
                errors.Add(new DomainError("duplicate-row", seen[(ownerId, month.Value)].ToString(CultureInfo.InvariantCulture)));
            if (errors.Count > 0)
            {
                report.Add(ImportRow.Rejected(row.Line, label, errors));
                continue;
            }
            var before = db.VisitPlans.Local.FirstOrDefault(p => p.OwnerId == ownerId && p.Year == month!.Value.Year && p.Month == month.Value.Month)?.Planned
                ?? await db.VisitPlans.AsNoTracking().Where(p => p.OwnerId == ownerId && p.Year == month!.Value.Year && p.Month == month.Value.Month)
                    .Select(p => (int?)p.Planned).FirstOrDefaultAsync(ct);
            if (before == planned)
            {
                report.Add(new ImportRow(row.Line, ImportOutcome.Unchanged, label, []));
                continue;
            }
            var set = await compliance.SetPlanAsync(actor, ownerId, month!.Value.Year, month.Value.Month, planned, ct);
            report.Add(set.Ok ? new ImportRow(row.Line, before is null ? ImportOutcome.Created : ImportOutcome.Updated, label, []) : ImportRow.Rejected(row.Line, label, set.Errors));
        }
        await db.SaveChangesAsync(ct);
        return report;
    }
}
