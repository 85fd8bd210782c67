using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using Person = SalesBot.Features.Organization.Person;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Graph;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Features.Visits.Calendar;

/// <summary>What the owner of a visit is told when its calendar event cannot be written.</summary>
public interface IVisitCalendarNotifications
{
    Task CalendarFailedAsync(Visit visit, Person owner, string clientName, CancellationToken ct);
}

/// <summary>
/// Brings a visit's Outlook event in line with the visit as it is now: creates it (with the
/// visit's transaction id, so a retry after a lost response finds the same event), moves it, or
/// cancels it. Syncing to the current state, not replaying steps, makes every retry safe.
/// </summary>
public sealed class CalendarSyncHandler(
    SalesBotDbContext db, GraphServiceClient graph, BusinessCalendar calendar, IOptions<GraphOptions> options,
    IVisitCalendarNotifications notifications) : IOutboxOperationHandler
{
    public async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var visit = await FindAsync(message, ct);
        if (visit is null) return; // deleted meanwhile: nothing to write
        var owner = await db.People.FirstAsync(p => p.Id == visit.OwnerId, ct);
        var client = await db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.Name).FirstAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        string? eventId;
        try
        {
            eventId = visit.Status == VisitStatus.Cancelled
                ? await CancelAsync(owner, visit, timeout.Token)
                : visit.CalendarEventId is null
                    ? await CreateAsync(owner, visit, client, timeout.Token)
                    : await UpdateAsync(owner, visit, client, timeout.Token);
        }
        catch (Exception e) when (GraphErrors.IsGraphFailure(e) && !ct.IsCancellationRequested)
        {
            throw GraphErrors.ToDelivery(e);
        }
        await SaveAsync(visit.Id, v => v.CalendarSynced(eventId), v => v.RememberCalendarEvent(eventId), ct);
    }

    public async Task FailedAsync(OutboxMessage message, string error, CancellationToken ct)
    {
        var visit = await FindAsync(message, ct);
        if (visit is null) return;
        var owner = await db.People.FirstAsync(p => p.Id == visit.OwnerId, ct);
        var client = await db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.Name).FirstAsync(ct);
        await notifications.CalendarFailedAsync(visit, owner, client, ct);
        await SaveAsync(visit.Id, v => v.CalendarFailed(error), v => v.CalendarFailed(error), ct);
    }

    /// <summary>
    /// Saves what the calendar said. If the visit changed meanwhile (the owner, the reminder job),
    /// it is read again and only <paramref name="onConflict"/> applied: an event id must never be
    /// lost, or the next sync would not find the event it has to move or cancel.
    /// </summary>
    private async Task SaveAsync(Guid visitId, Action<Visit> apply, Action<Visit> onConflict, CancellationToken ct)
    {
        var visit = db.Visits.Local.First(v => v.Id == visitId);
        apply(visit);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException e) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId, ct)
                    ?? throw new OutboxDeliveryException("the visit disappeared during the calendar write", permanent: true, inner: e);
                onConflict(visit);
            }
        }
    }

    private async Task<Visit?> FindAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = JsonDocument.Parse(message.PayloadJson).RootElement.GetProperty("visitId").GetGuid();
        return await db.Visits.FirstOrDefaultAsync(v => v.Id == id, ct);
    }

    private async Task<string?> CreateAsync(Person owner, Visit visit, string client, CancellationToken ct)
    {
        var body = Event(visit, client);
        body.TransactionId = visit.CalendarTransactionId.ToString();
        try
        {
            var created = await graph.Users[owner.AadObjectId].Events.PostAsync(body, cancellationToken: ct);
            return created?.Id ?? throw new OutboxDeliveryException("Graph created the event but returned no id", permanent: false);
        }
        catch (Exception e) when (GraphErrors.IsDuplicateTransaction(e))
        {
            // An earlier attempt created it and its answer was lost: find it by the transaction id.
            return await FindByTransactionAsync(owner, visit, ct) ?? throw GraphErrors.ToDelivery(e);
        }
    }

    private async Task<string?> FindByTransactionAsync(Person owner, Visit visit, CancellationToken ct)
    {
        var found = await graph.Users[owner.AadObjectId].Events.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"transactionId eq '{visit.CalendarTransactionId}'";
            r.QueryParameters.Select = ["id"];
        }, ct);
        return found?.Value?.FirstOrDefault()?.Id;
    }

    private async Task<string?> UpdateAsync(Person owner, Visit visit, string client, CancellationToken ct)
    {
        try
        {
            await graph.Users[owner.AadObjectId].Events[visit.CalendarEventId].PatchAsync(Event(visit, client), cancellationToken: ct);
            return visit.CalendarEventId;
        }
        catch (Exception e) when (GraphErrors.Status(e) == 404)
        {
            // The owner deleted the event in Outlook: the visit still stands, so it gets a new one.
            visit.ForgetCalendarEvent();
            return await CreateAsync(owner, visit, client, ct);
        }
    }

    private async Task<string?> CancelAsync(Person owner, Visit visit, CancellationToken ct)
    {
        // A create may have gone through without its answer: look for it before saying there is nothing to cancel.
        var eventId = visit.CalendarEventId ?? await FindByTransactionAsync(owner, visit, ct);
        if (eventId is null) return null;
        try
        {
            await graph.Users[owner.AadObjectId].Events[eventId].Cancel.PostAsync(new CancelPostRequestBody { Comment = "Visita cancelada en SalesBot" }, cancellationToken: ct);
        }
        catch (Exception e) when (GraphErrors.Status(e) == 404)
        {
            // Already gone from Outlook: that is what cancelling wanted.
        }
        return eventId;
    }

    private Event Event(Visit visit, string client) => new()
    {
        Subject = "Visita: " + client,
        Body = new ItemBody
        {
            ContentType = BodyType.Text,
            Content = string.Join("\n", new[] { visit.Interviewee is { } i ? "Entrevistar a: " + i : null, visit.Observations }.Where(x => x is not null)),
        },
        Start = GraphTime.Local(visit.Start, calendar.TimeZone),
        End = GraphTime.Local(visit.End, calendar.TimeZone),
        Location = visit.Location is { } l ? new Location { DisplayName = l } : null,
        Attendees = visit.InviteeEmail is { } email
            ? [new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Address = email } }]
            : null,
        IsReminderOn = true,
        ReminderMinutesBeforeStart = 30,
    };
}
