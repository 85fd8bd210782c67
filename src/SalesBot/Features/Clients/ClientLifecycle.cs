using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Clients;

/// <summary>The latest sign-up or churn of a client, as its card shows it.</summary>
public sealed record LifecycleRecorded(Client Client, ClientLifecycleEvent Event, bool Changed);

/// <summary>
/// Records that a client signed up (vinculación) or left (desvinculación) on a date, with a reason
/// (required to leave), and sets its status to follow its latest event. The client's owner, their
/// team lead and directors or administrators do it; a visit logged with the outcome "signed up"
/// does it for its client. Recording the same event twice changes nothing.
/// </summary>
public sealed class ClientLifecycle(SalesBotDbContext db, BusinessCalendar calendar, TimeProvider clock)
{
    public async Task<Result<LifecycleRecorded>> RecordAsync(Actor actor, Guid clientId, LifecycleKind kind, DateOnly? on, string? reason, CancellationToken ct)
    {
        var team = await ActorTeam.OfAsync(db, actor, ct);
        var client = await ClientAccess.Visible(db, actor, team).FirstOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null) return DomainError.NotFound("client", clientId.ToString());
        if (actor.Has(Role.CustomerService) && !ClientAccess.ManagesAll(actor) && !actor.Has(Role.Executive) && !actor.Has(Role.TeamLead))
            return DomainError.Forbidden("clients.lifecycle");
        var today = calendar.LocalDate(clock.GetUtcNow());
        var date = on ?? today;
        if (date > today) return DomainError.Invalid("lifecycle-date", "future");
        if (date.Year < Shared.ReportingPeriod.MinYear) return DomainError.Invalid("lifecycle-date", "date");
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (kind == LifecycleKind.Churn && text is null || text is { Length: > ClientLifecycleEvent.MaxReasonLength })
            return DomainError.Invalid("lifecycle-reason", "required-max", ClientLifecycleEvent.MaxReasonLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await ApplyAsync(client, kind, date, text, ct);
    }

    /// <summary>Records the event for a client the caller already may change (a visit's client).</summary>
    public async Task<LifecycleRecorded> ApplyAsync(Client client, LifecycleKind kind, DateOnly on, string? reason, CancellationToken ct)
    {
        // The stored events and those this unit of work already added (an import's earlier rows).
        await db.ClientLifecycleEvents.Where(e => e.ClientId == client.Id).LoadAsync(ct);
        var events = db.ClientLifecycleEvents.Local.Where(e => e.ClientId == client.Id).ToList();
        var same = events.FirstOrDefault(e => e.Kind == kind && e.On == on);
        if (same is not null) return new LifecycleRecorded(client, same, false);
        var recorded = new ClientLifecycleEvent(client.Id, kind, on, reason, clock.GetUtcNow());
        db.ClientLifecycleEvents.Add(recorded);
        // The status follows the latest event by date (a late entry of an old churn does not undo a newer sign-up).
        var latest = events.Append(recorded).OrderBy(e => e.On).ThenBy(e => e.RecordedAt).Last();
        client.FollowLifecycle(latest.Kind, clock.GetUtcNow());
        return new LifecycleRecorded(client, recorded, true);
    }
}
