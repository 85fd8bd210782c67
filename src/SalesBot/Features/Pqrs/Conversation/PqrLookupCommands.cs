using System.Globalization;
using System.Text.RegularExpressions;
using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Pqrs.Conversation;

/// <summary>"pqr 2026-000123": the PQR's card, with the answer box when it is mine and open, and the reassign list for a team lead.</summary>
public sealed class ShowPqrCommand(ListPqrs list, PqrReassignmentPolicy reassignment, CardRenderer cards, Localizer localizer, BusinessCalendarProvider calendars, TimeProvider clock) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var number = (input.Field("pqr") ?? input.Text ?? "").Trim();
        // A shared card's "Abrir en SalesBot" names the PQR by id (a record link shows no radicado to who may not see it).
        var byId = Guid.TryParse(input.Field("pqrId"), out var id);
        if (number.Length == 0 && !byId)
        {
            turn.ReplyText(turn.T("pqrs.whichOne"));
            return;
        }
        var found = byId ? await list.FindAsync(turn.Actor, id, ct) : await list.FindAsync(turn.Actor, number, ct);
        if (!found.Ok)
        {
            turn.Refuse(found.Error!);
            return;
        }
        var (pqr, client) = found.Value;
        var left = new PqrDeadline(calendars.For(pqr.CalendarChoice())).BusinessDaysLeft(pqr.DueDate, clock.GetUtcNow());
        var reassignTo = await reassignment.CandidatesAsync(turn.Actor, pqr, ct);
        turn.Context.Reply(new Teams.Schema.Activity
        {
            Type = Teams.Schema.ActivityTypes.Message,
            Attachments = [PqrCard.Render(cards, localizer, turn.Reader, pqr, client, left, answerable: pqr.AssigneeId == turn.Actor.PersonId,
                reassignTo: reassignTo)],
        });
    }
}

/// <summary>The PQR card's Reassign button (team leads, directors).</summary>
public sealed class ReassignPqrCommand(ReassignPqr reassign) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var result = await reassign.ExecuteAsync(turn.Actor, input.Field("pqr") ?? "", input.Field("assignee"), ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var (pqr, assignee) = result.Value;
        turn.ReplyText(turn.T("pqrs.reassigned", pqr.FilingNumber, assignee.Name, turn.Format.Date(pqr.DueDate)));
    }
}

/// <summary>"pqr vencidas": open PQRs past their due date that I may see.</summary>
public sealed class OverduePqrsCommand(ListPqrs list) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var result = await list.OverdueAsync(turn.Actor, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        PqrListCard.Reply(turn, turn.T("pqrs.overdueTitle"), turn.T("pqrs.noneOverdue"), result.Value!,
            p => p.AssigneeName is { } name ? turn.T("pqrs.overdueAssigned", name) : turn.T("clients.unassigned"));
    }
}

/// <summary>
/// "¿cuándo vence un reclamo radicado el 27/03?": the due date by the legal term of the type and
/// the organisation's business days. Dates as 27/03, 27/03/2026 or 2026-03-27; no year: this year.
/// </summary>
public sealed partial class PqrDueQuestionCommand(BusinessCalendar calendar, TimeProvider clock) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var text = input.Text ?? "";
        var type = Shared.TextFolding.Fold(text).Split(' ').Select(w => PqrTypes.TryParse(w, out var t) ? t : (PqrType?)null).FirstOrDefault(t => t is not null)
            ?? (Shared.TextFolding.Fold(text).Contains("solicitud de documentos") ? PqrType.SolicitudDocumentos : null);
        var date = ParseDate(text, calendar.LocalDate(clock.GetUtcNow()).Year, monthFirst: turn.Language == Localizer.English);
        if (type is null || date is null || !calendar.Covers(date.Value))
        {
            turn.ReplyText(turn.T("pqrs.dueHowTo"));
            return Task.CompletedTask;
        }
        var due = calendar.AddBusinessDays(date.Value, type.Value.TermInBusinessDays());
        turn.ReplyText(turn.T("pqrs.dueAnswer", turn.T("pqrtype." + type.Value.Code()), turn.Format.Date(date.Value),
            turn.Format.Date(due), type.Value.TermInBusinessDays()));
        return Task.CompletedTask;
    }

    /// <param name="monthFirst">the writer's order: "3/27" in English, "27/3" in Spanish.</param>
    internal static DateOnly? ParseDate(string text, int defaultYear, bool monthFirst = false)
    {
        if (IsoDate().Match(text) is { Success: true } iso
            && Shared.InputDates.TryParseIso(iso.Value, out var d1))
            return d1;
        if (DayMonth().Match(text) is not { Success: true } m) return null;
        var (first, second) = (int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture));
        var (day, month) = monthFirst ? (second, first) : (first, second);
        var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : defaultYear;
        if (year < 100) year += 2000;
        if (year is < Shared.ReportingPeriod.MinYear or > Shared.ReportingPeriod.MaxYear) return null;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b", RegexOptions.NonBacktracking)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})/(?<m>\d{1,2})(/(?<y>\d{2,4}))?\b", RegexOptions.NonBacktracking)]
    private static partial Regex DayMonth();
}
