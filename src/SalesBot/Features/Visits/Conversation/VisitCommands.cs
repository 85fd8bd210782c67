using System.Globalization;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Clients.Conversation;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Visits.Conversation;

/// <summary>
/// "agendar visita [cliente]": the schedule form, with the client looked up when named; a sentence
/// ("agenda una visita a Ferretería El Sol el martes a las 10") opens it filled with what it said.
/// </summary>
public sealed class NewVisitCommand(VisitForms forms) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var query = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
        return forms.ScheduleAsync(turn, VisitFormValues.From(input), query is null ? null : new ClientPick(null, null, [], query), null, null, true, ct);
    }
}

/// <summary>
/// The schedule form's buttons. Bad data or a client still to choose shows the form again; busy
/// times show it again with them listed and a "schedule anyway" button.
/// </summary>
public sealed class ScheduleVisitCommand(ScheduleVisit schedule, ListVisits visits, ClientPicker picker, VisitForms forms, IVisitCalendar calendar) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var values = VisitFormValues.From(input);
        var confirm = input.Field("confirmConflicts") == "true";
        if (Guid.TryParse(input.Field("visitId"), out var visitId))
        {
            var moved = await schedule.RescheduleAsync(turn.Actor, visitId, values.ToInput(null), confirm, ct);
            if (moved.Errors.Any(e => e.Code is "forbidden" or "not-found" or "visit-not-scheduled"))
            {
                turn.Refuse(moved.Errors);
                return;
            }
            // The form comes back with what was wrong, under the visit's client (fixed when rescheduling).
            var client = moved.Ok ? null : await visits.FindAsync(turn.Actor, input.Field("visitId"), ct) is { Ok: true } found ? found.Value!.ClientName : null;
            await ReplyAsync(turn, moved, values, null, visitId, rescheduled: true, ct, client);
            return;
        }
        var pick = await picker.ResolveAsync(turn, input, ct);
        if (pick.Client is null)
        {
            await forms.ScheduleAsync(turn, values, pick, pick.Problem, null, true, ct);
            return;
        }
        var result = await schedule.ExecuteAsync(turn.Actor, values.ToInput(pick.Client.Id), values.InviteContact == "true", confirm, ct);
        await ReplyAsync(turn, result, values, pick, null, rescheduled: false, ct);
    }

    private async Task ReplyAsync(BotTurn turn, Result<ScheduleOutcome> result, VisitFormValues values, ClientPick? pick, Guid? visitId, bool rescheduled,
        CancellationToken ct, string? clientName = null)
    {
        if (!result.Ok)
        {
            await forms.ScheduleAsync(turn, values, pick, turn.Describe(result.Errors), null, true, ct, visitId, clientName);
            return;
        }
        var outcome = result.Value!;
        if (outcome.Visit is not { } visit)
        {
            await forms.ScheduleAsync(turn, values, pick, null, outcome.Conflicts, outcome.FreeBusyChecked, ct, visitId, outcome.ClientName);
            return;
        }
        var when = forms.Span(visit.Start, visit.End, turn.Format);
        turn.ReplyText(turn.T(rescheduled ? "visits.rescheduled" : "visits.scheduled", outcome.ClientName, when) + " "
            + turn.T(calendar.IsExternal ? "visits.calendarFollows" : "visits.calendarEmbedded"));
    }
}

/// <summary>"Reprogramar" on a scheduled visit: the schedule form filled with the visit, its client fixed.</summary>
public sealed class RescheduleFormCommand(VisitPicker visits, VisitForms forms, BusinessCalendar calendar) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (await visits.FindOneAsync(turn, input.Field("visitId"), ct) is not (var visit, var client)) return;
        await forms.ScheduleAsync(turn, VisitFormValues.Of(visit, calendar), null, null, null, true, ct, visit.Id, client);
    }
}

/// <summary>"registrar visita [cliente]": the log form for a visit that was never scheduled.</summary>
public sealed class NewVisitLogCommand(VisitForms forms) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        // Typed ("registrar visita ferretería") or from a shared record's button ({client: name}).
        var named = input.Field("client") ?? input.Text;
        var query = string.IsNullOrWhiteSpace(named) ? null : named.Trim();
        return forms.LogAsync(turn, null, null, VisitFormValues.From(input), query is null ? null : new ClientPick(null, null, [], query), null, ct);
    }
}

/// <summary>"Registrar resultado" on a scheduled visit: the log form filled with what was planned.</summary>
public sealed class VisitLogFormCommand(VisitPicker visits, VisitForms forms, BusinessCalendar calendar) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (await visits.FindOneAsync(turn, input.Field("visitId"), ct) is not (var visit, var client)) return;
        var subtitle = client + " · " + forms.Span(visit.Start, visit.End, turn.Format);
        await forms.LogAsync(turn, visit.Id, subtitle, VisitFormValues.Of(visit, calendar), null, null, ct);
    }
}

/// <summary>The log form's Save button, for a scheduled visit (visitId) or a new one.</summary>
public sealed class LogVisitCommand(LogVisit log, ListVisits visits, ClientPicker picker, VisitForms forms, BusinessCalendar calendar) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var values = VisitFormValues.From(input);
        if (Guid.TryParse(input.Field("visitId"), out var id))
        {
            // The scheduled visit's client and time stay as they were planned.
            var planned = (await visits.FindAsync(turn.Actor, id.ToString(), ct)).Value?.Visit;
            var asPlanned = planned is null ? null : VisitFormValues.Of(planned, calendar);
            var fixedValues = asPlanned is null ? values : values with { Date = asPlanned.Date, Time = asPlanned.Time, Duration = asPlanned.Duration };
            var (visit, errors) = await log.ScheduledAsync(turn.Actor, id, fixedValues.ToInput(null), values.ToReport(), ct);
            if (visit is null)
            {
                if (planned is null || errors.Any(e => e.Code is "forbidden" or "not-found" or "visit-logged" or "visit-not-scheduled" or "visit-not-yet"))
                {
                    turn.Refuse(errors);
                    return;
                }
                await forms.LogAsync(turn, id, null, values, null, turn.Describe(errors), ct);
                return;
            }
            ReplyLogged(turn, visit);
            return;
        }

        // A client picked from the list goes straight to the use case, which reads it (and decides
        // whether the actor may see it) anyway; the picker reads it only if the form comes back.
        IReadOnlyList<DomainError>? problems = null;
        if (ClientPicker.PickedId(input) is { } picked)
        {
            problems = await TryLogAsync(turn, values, picked, ct);
            if (problems is null) return;
        }
        var pick = await picker.ResolveAsync(turn, input, ct);
        if (pick.Client is null)
        {
            await forms.LogAsync(turn, null, null, values, pick, pick.Problem, ct);
            return;
        }
        problems ??= await TryLogAsync(turn, values, pick.Client.Id, ct);
        if (problems is not null) await forms.LogAsync(turn, null, null, values, pick, turn.Describe(problems), ct);
    }

    /// <summary>Logs the visit and says so; what refused it otherwise.</summary>
    private async Task<IReadOnlyList<DomainError>?> TryLogAsync(BotTurn turn, VisitFormValues values, Guid clientId, CancellationToken ct)
    {
        var (logged, problems) = await log.UnscheduledAsync(turn.Actor, values.ToInput(clientId), values.ToReport(), ct);
        if (logged is null) return problems;
        ReplyLogged(turn, logged);
        return null;
    }

    private static void ReplyLogged(BotTurn turn, VisitOfClient logged)
    {
        var (visit, client) = logged;
        var text = turn.T("visits.logged", client, turn.T("visitoutcome." + visit.Outcome!.Value.Code()));
        if (visit.NextStep is { } next)
            text += " " + turn.T("visits.nextStep", next, (visit.NextStepDate is { } nextDate ? turn.Format.Date(nextDate) : "-"));
        turn.ReplyText(text);
    }
}

/// <summary>"Cancelar" on a scheduled visit: cancelled here and in the calendar.</summary>
public sealed class CancelVisitCommand(CancelVisit cancel) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (!Guid.TryParse(input.Field("visitId"), out var id))
        {
            turn.Refuse(DomainError.NotFound("visit", input.Field("visitId") ?? ""));
            return;
        }
        var result = await cancel.ExecuteAsync(turn.Actor, id, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        turn.ReplyText(turn.T("visits.cancelled", result.Value!.ClientName));
    }
}

/// <summary>The one visit a card's button means, among those the user may see, or null after saying why.</summary>
public sealed class VisitPicker(ListVisits visits)
{
    public async Task<VisitOfClient?> FindOneAsync(BotTurn turn, string? visitId, CancellationToken ct)
    {
        var found = await visits.FindAsync(turn.Actor, visitId, ct);
        if (!found.Ok) turn.Refuse(found.Error!);
        return found.Value;
    }
}
