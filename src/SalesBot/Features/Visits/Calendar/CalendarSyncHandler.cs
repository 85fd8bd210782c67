using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using SalesBot.Features.Organization;
using Person = SalesBot.Features.Organization.Person;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Data;
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
    public OutboxOperation Operation => OutboxOperation.CalendarSync;

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
        visit.CalendarSynced(eventId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            // The visit changed while we wrote its event: its own sync row follows; this one tries again too.
            throw new OutboxDeliveryException("the visit changed during the calendar write", permanent: false, inner: e);
        }
    }

    public async Task FailedAsync(OutboxMessage message, string error, CancellationToken ct)
    {
        var visit = await FindAsync(message, ct);
        if (visit is null) return;
        visit.CalendarFailed(error);
        var owner = await db.People.FirstAsync(p => p.Id == visit.OwnerId, ct);
        var client = await db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.Name).FirstAsync(ct);
        await notifications.CalendarFailedAsync(visit, owner, client, ct);
        await db.SaveChangesAsync(ct);
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
        catch (Exception e) when (GraphErrors.Status(e) == 409)
        {
            // An earlier attempt created it and its answer was lost: find it by the transaction id.
            var found = await graph.Users[owner.AadObjectId].Events.GetAsync(r =>
            {
                r.QueryParameters.Filter = $"transactionId eq '{body.TransactionId}'";
                r.QueryParameters.Select = ["id"];
            }, ct);
            return found?.Value?.FirstOrDefault()?.Id ?? throw GraphErrors.ToDelivery(e);
        }
    }

    private async Task<string?> UpdateAsync(Person owner, Visit visit, string client, CancellationToken ct)
    {
        await graph.Users[owner.AadObjectId].Events[visit.CalendarEventId].PatchAsync(Event(visit, client), cancellationToken: ct);
        return visit.CalendarEventId;
    }

    private async Task<string?> CancelAsync(Person owner, Visit visit, CancellationToken ct)
    {
        if (visit.CalendarEventId is null) return null;
        try
        {
            await graph.Users[owner.AadObjectId].Events[visit.CalendarEventId].Cancel.PostAsync(new CancelPostRequestBody { Comment = "Visita cancelada en SalesBot" }, cancellationToken: ct);
        }
        catch (Exception e) when (GraphErrors.Status(e) == 404)
        {
            // Already gone from Outlook: that is what cancelling wanted.
        }
        return visit.CalendarEventId;
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
