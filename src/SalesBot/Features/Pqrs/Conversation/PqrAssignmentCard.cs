using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Features.Clients;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Pqrs.Conversation;

/// <summary>
/// Tells people about PQRs with a card in their personal chat with the bot, through the outbox
/// (so it leaves only if the change commits, and survives a crash): the assignee when assigned and
/// reminded, the team lead on escalation, the commercial directors when overdue. Someone who has
/// never talked to the bot has no chat to write to yet; they find their PQRs under "mis pqr".
/// </summary>
public sealed class PqrAssignmentCard(
    PersonalChat chat, CardRenderer cards, Localizer localizer,
    BusinessCalendarProvider calendars, TimeProvider clock, PqrReassignmentPolicy reassignment, ILogger<PqrAssignmentCard> logger) : IPqrNotifications
{
    public Task AssignedAsync(Pqr pqr, Client client, Person assignee, CancellationToken ct) =>
        SendAsync(assignee, pqr, reader => Render(reader, pqr, client, answerable: true, "pqrs.cardTitle", [pqr.FilingNumber]), ct);

    public Task ReminderAsync(Pqr pqr, Client client, Person assignee, int businessDaysLeft, CancellationToken ct) =>
        SendAsync(assignee, pqr, reader => Render(reader, pqr, client, answerable: true, "pqrs.reminderTitle", [pqr.FilingNumber]), ct);

    public async Task EscalatedAsync(Pqr pqr, Client client, Person lead, Person assignee, int businessDaysLeft, CancellationToken ct)
    {
        // The lead can hand it to someone with time to answer, from the card itself.
        var team = await reassignment.CandidatesAsync(Actor.For(lead), pqr, ct);
        await SendAsync(lead, pqr, reader => Render(reader, pqr, client, answerable: false, "pqrs.escalationTitle", [pqr.FilingNumber, assignee.Name, businessDaysLeft], team), ct);
    }

    public Task OverdueAsync(Pqr pqr, Client client, Person director, Person? assignee, CancellationToken ct) =>
        SendAsync(director, pqr, reader => Render(reader, pqr, client, answerable: false, "pqrs.overdueAlertTitle", [pqr.FilingNumber, assignee?.Name ?? "-"]), ct);

    private Attachment Render(Reader reader, Pqr pqr, Client client, bool answerable, string titleKey, object?[] titleArgs, IReadOnlyList<Person>? reassignTo = null) =>
        PqrCard.Render(cards, localizer, reader, pqr, client.Name, new PqrDeadline(calendars.For(pqr.CalendarChoice())).BusinessDaysLeft(pqr.DueDate, clock.GetUtcNow()),
            answerable, localizer.Get(reader.Language, titleKey, titleArgs), reassignTo);

    private async Task SendAsync(Person recipient, Pqr pqr, Func<Reader, Attachment> render, CancellationToken ct)
    {
        if (!await chat.SendAsync(recipient, reader => PersonalChat.Card(render(reader)), ct))
            // The PQR text stays out of the log: only its number.
            logger.LogWarning("No chat with {Person} yet; not told about PQR {FilingNumber}", recipient.AadObjectId, pqr.FilingNumber);
    }
}

/// <summary>The PQR card: what is asked, by whom, by when; with the answer box for its assignee.</summary>
public static class PqrCard
{
    /// <param name="reassignTo">the people the reader may hand the PQR to (a team lead, a director): shown when the reader does not answer it.</param>
    public static Attachment Render(CardRenderer cards, Localizer localizer, Reader reader, Pqr pqr, string clientName, int businessDaysLeft,
        bool answerable, string? title = null, IReadOnlyList<Person>? reassignTo = null)
    {
        answerable = answerable && !pqr.IsAnswered;
        // One set of required inputs per card: Teams validates every input of the card on any Submit.
        var reassignable = !answerable && !pqr.IsAnswered && reassignTo is { Count: > 0 };
        string T(string key, params object?[] args) => localizer.Get(reader.Language, key, args);
        var format = reader.Format;
        return cards.RenderAttachment("pqr", new
        {
            title = title ?? T("pqrs.cardTitle", pqr.FilingNumber),
            facts = new[]
            {
                new { label = T("pqrs.client"), value = clientName },
                new { label = T("pqrs.type"), value = T("pqrtype." + pqr.Type.Code()) },
                new { label = T("pqrs.channel"), value = T("pqrchannel." + pqr.Channel.Code()) },
                new { label = T("pqrs.filedAt"), value = format.ShortDate(pqr.FiledAt) },
                new { label = T("pqrs.dueDate"), value = format.Date(pqr.DueDate) },
                new { label = T("pqrs.status"), value = T("pqrstatus." + pqr.Status.ToString().ToLowerInvariant()) },
            },
            due = PqrListCard.DueStatus(pqr.IsAnswered, pqr.AnsweredOnTime, businessDaysLeft) is var (key, value) ? T(key, value) : "",
            description = pqr.Description,
            answerable,
            responseLabel = T("pqrs.responseLabel"),
            required = T("clients.required"),
            answer = T("pqrs.answer"),
            filingNumber = pqr.FilingNumber,
            reassignable,
            reassignLabel = T("pqrs.reassignLabel"),
            reassign = T("pqrs.reassign"),
            reassignTo = (reassignTo ?? []).Select(p => new { title = p.Name, value = p.Id.ToString() }),
        });
    }
}
