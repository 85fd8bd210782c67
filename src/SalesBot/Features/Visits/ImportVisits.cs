namespace SalesBot.Features.Visits;

/// <summary>
/// `salesbot import visits FILE`: past and planned visits from another system. A row is the same
/// visit as one of the same client, owner, date and time: re-running the file changes nothing, and a
/// row that now says a scheduled visit was done records its outcome. No calendar event is written
/// and no reminder sent for them, and history never signs a client up (the sign-ups file does).
/// </summary>
public sealed class ImportVisits(SalesBotDbContext db, PeopleDirectory directory, Shared.Calendar.BusinessCalendar calendar, TimeProvider clock)
{
    public static readonly FileColumns Columns = new(
        new FileColumn("nit", ["nit", "tax_id"], true, "the client's NIT; the client must be in the portfolio"),
        new FileColumn("owner", ["owner_email", "owner", "ejecutivo"], true, "the executive's email"),
        new FileColumn("date", ["date", "fecha"], true, "YYYY-MM-DD"),
        new FileColumn("time", ["time", "hora"], true, "HH:MM, local time (Organization:TimeZone)"),
        new FileColumn("duration", ["duration_minutes", "duracion", "duration"], true, "minutes, 15 to 720"),
        new FileColumn("type", ["type", "tipo"], true, "prospecting, follow-up, loyalty, after-sales, collection (or the Spanish names)"),
        new FileColumn("status", ["status", "estado"], true, "scheduled, done, cancelled (or agendada, realizada, cancelada)"),
        new FileColumn("outcome", ["outcome", "resultado"], false, "for a done visit: interested, not-interested, follow-up-needed, signed-up, client-absent"),
        new FileColumn("contact", ["contact", "contacto", "entrevistado"], false, "who was met"),
        new FileColumn("location", ["location", "lugar", "direccion"], false, "where"),
        new FileColumn("observations", ["observations", "observaciones", "notas"], false, "notes"),
        new FileColumn("opportunity", ["opportunity", "oportunidad"], false, "the name of one of the client's deals"));

    private static readonly CodeTable<VisitStatus> Statuses = new(
        (VisitStatus.Scheduled, "scheduled", ["agendada", "programada", "planeada"]),
        (VisitStatus.Done, "done", ["realizada", "hecha", "completada"]),
        (VisitStatus.Cancelled, "cancelled", ["cancelada", "canceled", "anulada"]));

    public async Task<Result<IReadOnlyList<ImportRow>>> ExecuteAsync(Actor actor, IReadOnlyList<ImportCells> rows, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("visits.log");
        var owners = await directory.IdsByEmailAsync(ct);
        var now = clock.GetUtcNow();
        var report = new List<ImportRow>();
        foreach (var row in rows)
        {
            var errors = new List<DomainError>();
            var label = $"{row["nit"]} {row["date"]} {row["time"]}";
            var client = await Clients.ClientImportColumns.ByNitAsync(db, row["nit"], errors, ct);
            Guid ownerId = default;
            if (row["owner"] is not { } email || !owners.TryGetValue(email, out ownerId)) errors.Add(DomainError.NotFound("owner", row["owner"] ?? "-"));
            var input = new VisitInput(client?.Id, row["date"], row["time"], row["duration"], row["type"], row["contact"], row["location"], row["observations"]);
            var times = input.Times(calendar, errors);
            var details = input.Details(errors, typeRequired: true);
            var status = Statuses.Parse(row["status"]);
            if (status is null) errors.Add(DomainError.Invalid("status", "one-of", string.Join(", ", Statuses.Codes)));
            VisitReport? visitReport = null;
            if (status == VisitStatus.Done && details is not null)
            {
                visitReport = new VisitReportInput(row["outcome"], null, null, null, row["opportunity"]).Validate(details, errors);
                if (visitReport is not null && client is not null) visitReport = await VisitDeals.LinkAsync(db, client.Id, visitReport, errors, ct);
            }
            if (status == VisitStatus.Done && times is { } past && past.Start > now) errors.Add(DomainError.Invalid("visit-date", "future"));
            if (errors.Count > 0)
            {
                report.Add(ImportRow.Rejected(row.Line, label, errors));
                continue;
            }
            var (start, end) = times!.Value;
            var existing = db.Visits.Local.FirstOrDefault(v => v.OwnerId == ownerId && v.ClientId == client!.Id && v.Start == start)
                ?? await db.Visits.FirstOrDefaultAsync(v => v.OwnerId == ownerId && v.ClientId == client!.Id && v.Start == start, ct);
            if (existing is null)
            {
                db.Visits.Add(Visit.Imported(ownerId, client!.Id, start, end, details!, status!.Value, visitReport, now));
                report.Add(new ImportRow(row.Line, ImportOutcome.Created, label, []));
            }
            else if (existing.Status == VisitStatus.Scheduled && status == VisitStatus.Done)
            {
                existing.Log(details!, visitReport!, ownerId, now);
                report.Add(new ImportRow(row.Line, ImportOutcome.Updated, label, []));
            }
            else report.Add(new ImportRow(row.Line, ImportOutcome.Unchanged, label, []));
        }
        await db.SaveChangesAsync(ct);
        return report;
    }
}
