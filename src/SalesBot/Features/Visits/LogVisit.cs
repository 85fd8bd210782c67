using System.Globalization;
using SalesBot.Features.Clients;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Visits;

/// <summary>What happened at a visit, as typed: outcome, next step and its date, the opportunity.</summary>
public sealed record VisitReportInput(string? Outcome, string? Notes, string? NextStep, string? NextStepDate, string? Opportunity)
{
    public VisitReport? Validate(VisitDetails details, List<DomainError> errors)
    {
        var outcome = VisitCodes.Outcomes.Parse(Outcome);
        if (outcome is null) errors.Add(DomainError.Invalid("outcome", "one-of", string.Join(", ", VisitCodes.Outcomes.Codes)));
        var notes = VisitInput.Clean(Notes, VisitInput.MaxText, "notes", errors);
        var nextStep = VisitInput.Clean(NextStep, 500, "next-step", errors);
        DateOnly? nextDate = null;
        if (!string.IsNullOrWhiteSpace(NextStepDate))
        {
            if (InputDates.TryParseIso(NextStepDate, out var d)) nextDate = d;
            else errors.Add(DomainError.Invalid("next-step-date", "date"));
        }
        if (nextDate is not null && nextStep is null) errors.Add(DomainError.Invalid("next-step", "required-with-date"));
        var opportunity = VisitInput.Clean(Opportunity, 200, "opportunity", errors);
        // A missing type was reported when the details were read.
        return errors.Count > 0 || details.Type is null ? null : new VisitReport(details.Type!.Value, outcome!.Value, notes, nextStep, nextDate, opportunity);
    }
}

/// <summary>
/// Records how a visit went: a scheduled one (by its owner, their team lead or an administrator),
/// or one that was never scheduled (by the executive who made it, for a client they may see).
/// A visit is logged once; a second press of the same card changes nothing.
/// </summary>
public sealed class LogVisit(SalesBotDbContext db, SearchClients clients, ClientLifecycle lifecycle, BusinessCalendar business, TimeProvider clock)
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(31);

    // Asked on every visit logged from the form: compiled, and on SQLite a kept statement (TurnQuery).
    private static readonly PerModelQuery<Guid, Guid, DateTimeOffset, bool> AlreadyLoggedThroughEf = new((db, owner, client, start, ct) =>
        db.Visits.Any(v => v.OwnerId == owner && v.ClientId == client && v.Start == start && v.Status != VisitStatus.Cancelled));

    internal static readonly TurnQuery<(Guid Owner, Guid Client, DateTimeOffset Start), bool> AlreadyLogged = new(
        (db, a, ct) => AlreadyLoggedThroughEf.RunAsync(db, a.Owner, a.Client, a.Start, ct),
        db =>
        {
            string V(string property) => "v." + DirectRead<Visit>.Column(db, property);
            return $"SELECT EXISTS (SELECT 1 FROM {DirectRead<Visit>.Table(db)} AS v WHERE {V(nameof(Visit.OwnerId))} = $owner " +
                $"AND {V(nameof(Visit.ClientId))} = $client AND {V(nameof(Visit.Start))} = $start AND {V(nameof(Visit.Status))} <> $cancelled)";
        },
        (db, command, a) =>
        {
            DirectRead<Visit>.Parameter(db, command, "$owner", nameof(Visit.OwnerId), a.Owner);
            DirectRead<Visit>.Parameter(db, command, "$client", nameof(Visit.ClientId), a.Client);
            DirectRead<Visit>.Parameter(db, command, "$start", nameof(Visit.Start), a.Start);
            DirectRead<Visit>.Parameter(db, command, "$cancelled", nameof(Visit.Status), VisitStatus.Cancelled);
        },
        (_, row) => row.GetInt64(0) != 0);

    public async Task<Result<VisitOfClient>> ScheduledAsync(Actor actor, Guid visitId, VisitInput input, VisitReportInput report, CancellationToken ct)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return DomainError.NotFound("visit", visitId.ToString());
        var team = await ActorTeam.OfAsync(db, actor, ct);
        var ownerTeam = await db.People.Where(p => p.Id == visit.OwnerId).Select(p => p.TeamId).FirstOrDefaultAsync(ct);
        if (!VisitAccess.MayManage(actor, team, visit.OwnerId, ownerTeam)) return DomainError.Forbidden("visits.log");
        if (visit.Start > clock.GetUtcNow() + FutureTolerance) return new DomainError("visit-not-yet");

        var errors = new List<DomainError>();
        var details = input.Details(errors, typeRequired: true);
        var validated = details is null ? null : report.Validate(details, errors);
        if (validated is not null) validated = await VisitDeals.LinkAsync(db, visit.ClientId, validated, errors, ct);
        if (validated is null || errors.Count > 0) return Result<VisitOfClient>.Refused(errors);
        // Whoever logs it, the visit stays its owner's; the log records who wrote it.
        var by = actor.PersonId ?? visit.OwnerId;
        if (visit.Log(details!, validated, by, clock.GetUtcNow()) is { } refused) return refused;
        await SignUpIfSignedAsync(visit, ct);
        return new VisitOfClient(visit, await db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.Name).FirstAsync(ct));
    }

    public async Task<Result<VisitOfClient>> UnscheduledAsync(Actor actor, VisitInput input, VisitReportInput report, CancellationToken ct)
    {
        if (!VisitAccess.Visits(actor)) return DomainError.Forbidden("visits.log");
        var errors = new List<DomainError>();
        var times = input.Times(business, errors);
        var details = input.Details(errors, typeRequired: true);
        var client = input.ClientId is { } id ? await clients.ByIdAsync(actor, id, ct) : DomainError.Invalid("client", "client");
        if (!client.Ok) errors.Add(client.Error!);
        if (times is { } t && t.Start > clock.GetUtcNow() + FutureTolerance) errors.Add(DomainError.Invalid("visit-date", "future"));
        // Recorded while it is fresh: months already reported cannot be padded later.
        else if (times is { } old && old.Start < clock.GetUtcNow() - MaxAge) errors.Add(DomainError.Invalid("visit-date", "too-old", MaxAge.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var validated = details is null ? null : report.Validate(details, errors);
        if (validated is not null && client.Ok) validated = await VisitDeals.LinkAsync(db, client.Value!.Id, validated, errors, ct);
        if (errors.Count > 0) return Result<VisitOfClient>.Refused(errors);

        var (start, end) = times!.Value;
        if (await AlreadyLogged.RunAsync(db, (actor.PersonId!.Value, client.Value!.Id, start), ct)) return new DomainError("visit-duplicate", client.Value!.Name);
        var now = clock.GetUtcNow();
        var visit = Visit.Logged(actor.PersonId!.Value, client.Value!.Id, start, end, details!, validated!, actor.PersonId!.Value, now);
        // Created and not touched again in the turn: written without the change tracker's bookkeeping.
        db.AddNew(visit);
        await SignUpIfSignedAsync(visit, ct);
        return new VisitOfClient(visit, client.Value.Name);
    }

    /// <summary>A visit whose outcome is "signed up" is the client's vinculación, on the visit's day.</summary>
    private async Task SignUpIfSignedAsync(Visit visit, CancellationToken ct)
    {
        if (visit.Outcome != VisitOutcome.SignedUp) return;
        var client = await db.Clients.FirstAsync(c => c.Id == visit.ClientId, ct);
        await lifecycle.ApplyAsync(client, LifecycleKind.SignUp, business.LocalDate(visit.Start), null, ct);
    }

}
