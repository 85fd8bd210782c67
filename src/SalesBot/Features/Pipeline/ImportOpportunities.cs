using SalesBot.Features.Clients;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Pipeline;

/// <summary>
/// `salesbot import opportunities FILE` (seed 002's "rolling pipeline"): each row is a deal of a
/// client, found again by client and name, with the dates it entered each stage. A new deal gets
/// its stage history from those dates; a known one takes the file's terms, and the file's stage on
/// its date when that is a change. Re-running the file changes nothing. Only administrators import.
/// </summary>
public sealed class ImportOpportunities(SalesBotDbContext db, PeopleDirectory directory, IOptions<PipelineOptions> pipeline, IOptions<OrganizationOptions> organization,
    BusinessCalendar calendar, TimeProvider clock)
{
    public static readonly FileColumns Columns = new(
        new FileColumn("nit", ["nit", "tax_id"], true, "the client's NIT; the client must be in the portfolio"),
        new FileColumn("name", ["name", "nombre", "oportunidad"], true, "the deal's name (with the client, identifies it)"),
        new FileColumn("owner", ["owner_email", "owner", "ejecutivo"], true, "the owner's email"),
        new FileColumn("service-type", ["service_type", "servicio", "tipo_servicio"], false, "service type"),
        new FileColumn("segment", ["segment", "segmento"], false, "the deal's segment; empty: the client's"),
        new FileColumn("seats", ["seats", "puestos", "cantidad"], true, "seats (1 to 1,000,000)"),
        new FileColumn("unit-value", ["unit_value", "valor_unitario"], true, "monthly value per seat, in Organization:Currency"),
        new FileColumn("months", ["months", "meses", "contract_months"], true, "contract months (1 to 120)"),
        new FileColumn("stage", ["stage", "etapa"], true, "hunting, qualification, proposal, negotiation, won, lost (or caceria, calificacion, propuesta, negociacion, ganada, perdida)"),
        new FileColumn("probability", ["probability", "probabilidad"], false, "0 to 100; empty: the stage's"),
        new FileColumn("expected-close", ["expected_close", "cierre_esperado"], false, "YYYY-MM-DD"),
        new FileColumn("expected-first-billing", ["expected_first_billing", "primera_facturacion"], false, "YYYY-MM-DD"),
        new FileColumn("lead-source", ["lead_source", "fuente", "origen"], false, "how the deal came"),
        new FileColumn("created-on", ["created_on", "creada", "fecha_creacion"], false, "YYYY-MM-DD it entered hunting; empty: the earliest stage date, else today"),
        new FileColumn("qualification-on", ["qualification_on", "calificacion_el"], false, "YYYY-MM-DD it entered qualification"),
        new FileColumn("proposal-on", ["proposal_on", "propuesta_el"], false, "YYYY-MM-DD it entered proposal"),
        new FileColumn("negotiation-on", ["negotiation_on", "negociacion_el"], false, "YYYY-MM-DD it entered negotiation"),
        new FileColumn("won-on", ["won_on", "ganada_el"], false, "YYYY-MM-DD it was won"),
        new FileColumn("lost-on", ["lost_on", "perdida_el"], false, "YYYY-MM-DD it was lost"),
        new FileColumn("lost-reason", ["lost_reason", "motivo_perdida"], false, "why it was lost (required when lost)"));

    private static readonly (string Field, Stage Stage)[] StageDates =
    [
        ("qualification-on", Stage.Qualification), ("proposal-on", Stage.Proposal), ("negotiation-on", Stage.Negotiation),
        ("won-on", Stage.Won), ("lost-on", Stage.Lost),
    ];

    public async Task<Result<IReadOnlyList<ImportRow>>> ExecuteAsync(Actor actor, IReadOnlyList<ImportCells> rows, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("opportunities.create");
        var owners = await directory.IdsByEmailAsync(ct);
        var today = calendar.LocalDate(clock.GetUtcNow());
        var report = new List<ImportRow>();
        var seen = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var errors = new List<DomainError>();
            var label = $"{row["nit"]} {row["name"]}";
            var client = await ClientImportColumns.ByNitAsync(db, row["nit"], errors, ct);
            Guid ownerId = default;
            if (row["owner"] is not { } email || !owners.TryGetValue(email, out ownerId)) errors.Add(DomainError.NotFound("owner", row["owner"] ?? "-"));
            var (terms, invalid) = new OpportunityInput(row["name"], row["service-type"], row["segment"], row["seats"], row["unit-value"], row["months"],
                row["expected-close"], row["expected-first-billing"], row["lead-source"], row["probability"]).Validate(organization.Value.Currency);
            errors.AddRange(invalid);
            var stage = Stages.Codes.Parse(row["stage"]);
            if (stage is null) errors.Add(DomainError.Invalid("stage", "one-of", string.Join(", ", Stages.Codes.Codes)));
            var entries = stage is null ? null : Entries(row, stage.Value, today, errors);
            var lostReason = row["lost-reason"];
            if (stage == Stage.Lost && lostReason is null || lostReason is { Length: > 500 }) errors.Add(DomainError.Invalid("lost-reason", "required-max", "500"));
            if (errors.Count == 0 && seen.TryGetValue(client!.Id + "|" + TextFolding.Fold(terms!.Title), out var firstLine))
                errors.Add(new DomainError("duplicate-row", firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (errors.Count > 0)
            {
                report.Add(ImportRow.Rejected(row.Line, label, errors));
                continue;
            }
            seen[client!.Id + "|" + TextFolding.Fold(terms!.Title)] = row.Line;
            var withSegment = terms with { Segment = terms.Segment ?? client.Segment };
            var title = TextFolding.Fold(terms.Title);
            var existing = await db.Opportunities.FirstOrDefaultAsync(o => o.ClientId == client.Id && o.NormalizedTitle == title, ct);
            if (existing is null)
            {
                db.Opportunities.Add(Opportunity.Imported(client.Id, ownerId, withSegment, entries!, lostReason, pipeline.Value.ProbabilityOf));
                report.Add(new ImportRow(row.Line, ImportOutcome.Created, label, []));
                continue;
            }
            var changed = false;
            if (existing.Terms != withSegment)
            {
                existing.Apply(withSegment, pipeline.Value.ProbabilityOf(existing.Stage), clock.GetUtcNow());
                changed = true;
            }
            if (existing.Stage != stage || existing.Stage == Stage.Lost && existing.LostReason != lostReason)
            {
                existing.ImportStage(stage!.Value, entries![^1].At, lostReason, pipeline.Value.ProbabilityOf(stage.Value));
                changed = true;
            }
            report.Add(new ImportRow(row.Line, changed ? ImportOutcome.Updated : ImportOutcome.Unchanged, label, []));
        }
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>
    /// The row's stage entries in date order: hunting on its creation day, then each dated stage.
    /// The file's stage must be the last one entered (a deal is not won on a date before its proposal).
    /// </summary>
    private List<(Stage Stage, DateTimeOffset At)>? Entries(ImportCells row, Stage stage, DateOnly today, List<DomainError> errors)
    {
        var dated = new List<(Stage Stage, DateOnly On)>();
        foreach (var (field, entered) in StageDates)
        {
            if (row[field] is not { } text) continue;
            if (!InputDates.TryParseIso(text, out var on) || on > today) errors.Add(DomainError.Invalid(field, "date"));
            else dated.Add((entered, on));
        }
        DateOnly created;
        if (row["created-on"] is { } createdText)
        {
            if (!InputDates.TryParseIso(createdText, out created) || created > today)
            {
                errors.Add(DomainError.Invalid("created-on", "date"));
                return null;
            }
        }
        else created = dated.Count > 0 ? dated.Min(d => d.On) : today;
        if (dated.Any(d => d.Stage is Stage.Won) && dated.Any(d => d.Stage is Stage.Lost) || dated.Any(d => d.On < created))
        {
            errors.Add(DomainError.Invalid("stage", "stage-dates"));
            return null;
        }
        // Stable: two stages entered on the same day keep the pipeline's order.
        var ordered = dated.OrderBy(d => d.On).ThenBy(d => (int)d.Stage).ToList();
        var last = ordered.Count > 0 ? ordered[^1].Stage : Stage.Hunting;
        if (last != stage)
        {
            errors.Add(DomainError.Invalid("stage", "stage-dates"));
            return null;
        }
        return ordered.Select(d => (d.Stage, calendar.StartOf(d.On))).Prepend((Stage.Hunting, calendar.StartOf(created))).ToList();
    }
}
