using System.Globalization;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Clients.Conversation;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Visits.Conversation;

/// <summary>The values a visit form holds, as text, so a refused form comes back as it was sent.</summary>
public sealed record VisitFormValues(
    string? Date, string? Time, string? Duration, string? Type, string? Interviewee, string? Location, string? Observations,
    string? InviteContact = null, string? Outcome = null, string? Notes = null, string? NextStep = null, string? NextStepDate = null, string? Opportunity = null)
{
    public static VisitFormValues From(CommandInput input) => new(
        input.Field("date"), input.Field("time"), input.Field("duration"), input.Field("type"), input.Field("interviewee"),
        input.Field("location"), input.Field("observations"), input.Field("inviteContact"), input.Field("outcome"), input.Field("notes"),
        input.Field("nextStep"), input.Field("nextStepDate"), input.Field("opportunity"));

    public VisitInput ToInput(Guid? clientId) => new(clientId, Date, Time, Duration, Type, Interviewee, Location, Observations);

    public VisitReportInput ToReport() => new(Outcome, Notes, NextStep, NextStepDate, Opportunity);

    public static VisitFormValues Of(Visit visit, BusinessCalendar calendar)
    {
        var local = TimeZoneInfo.ConvertTime(visit.Start, calendar.TimeZone);
        return new(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture),
            ((int)(visit.End - visit.Start).TotalMinutes).ToString(CultureInfo.InvariantCulture), visit.Type?.Code(), visit.Interviewee,
            visit.Location, visit.Observations);
    }
}

/// <summary>The schedule and log forms, in the user's language, with the client picker.</summary>
public sealed class VisitForms(ClientPicker picker, BusinessCalendar calendar, TimeProvider clock, IOptions<VisitOptions> options)
{
    private static readonly int[] Durations = [30, 45, 60, 90, 120, 180, 240];

    /// <param name="visitId">the visit being rescheduled (its client is fixed), or null for a new one.</param>
    public async Task ScheduleAsync(BotTurn turn, VisitFormValues values, ClientPick? pick, string? error, IReadOnlyList<BusyTime>? conflicts, bool freeBusyChecked,
        CancellationToken ct, Guid? visitId = null, string? clientName = null)
    {
        // A new visit starts at the next full hour tomorrow: a sensible default that is never in the past.
        var tomorrow = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendar.TimeZone).AddDays(1);
        var conflictLines = conflicts?.Select(c => new
        {
            text = "• " + Span(c.Start, c.End, turn.Format) + (c.Subject is { Length: > 0 } s ? " · " + s : ""),
        }).ToList();
        if (!freeBusyChecked) (conflictLines ??= []).Add(new { text = turn.T("visits.freeBusyUnknown") });
        turn.ReplyCard("visit-schedule", new
        {
            title = turn.T(visitId is null ? "visits.scheduleTitle" : "visits.rescheduleTitle"),
            subtitle = visitId is null ? null : clientName,
            visitId = visitId?.ToString() ?? "",
            error,
            conflictsTitle = turn.T("visits.conflictsTitle"),
            conflicts = conflictLines is { Count: > 0 } ? conflictLines : null,
            picker = await picker.CardDataAsync(turn, pick, ct),
            labels = Labels(turn),
            values = new
            {
                date = values.Date ?? tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                time = values.Time ?? $"{Math.Min(tomorrow.Hour + 1, 17):00}:00",
                duration = values.Duration ?? options.Value.DefaultDurationMinutes.ToString(CultureInfo.InvariantCulture),
                type = VisitCodes.Types.Parse(values.Type)?.Code() ?? "",
                interviewee = values.Interviewee ?? "",
                location = values.Location ?? "",
                observations = values.Observations ?? "",
                inviteContact = values.InviteContact == "true" ? "true" : "false",
            },
            durations = Durations.Select(d => new { title = turn.T("visits.minutes", d), value = d.ToString(CultureInfo.InvariantCulture) }),
            types = Types(turn),
        });
    }

    /// <summary>The log form: for a scheduled visit (its client and time fixed) or for one that was never scheduled.</summary>
    public async Task LogAsync(BotTurn turn, Guid? visitId, string? subtitle, VisitFormValues values, ClientPick? pick, string? error, CancellationToken ct)
    {
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendar.TimeZone);
        turn.ReplyCard("visit-log", new
        {
            title = turn.T(visitId is null ? "visits.logTitle" : "visits.howDidItGo"),
            subtitle,
            error,
            visitId = visitId?.ToString() ?? "",
            picker = await picker.CardDataAsync(turn, pick, ct),
            labels = Labels(turn),
            values = new
            {
                date = values.Date ?? now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                time = values.Time ?? now.AddHours(-1).ToString("HH:00", CultureInfo.InvariantCulture),
                duration = values.Duration ?? options.Value.DefaultDurationMinutes.ToString(CultureInfo.InvariantCulture),
                type = VisitCodes.Types.Parse(values.Type)?.Code() ?? "",
                interviewee = values.Interviewee ?? "",
                location = values.Location ?? "",
                outcome = VisitCodes.Outcomes.Parse(values.Outcome)?.Code() ?? "",
                notes = values.Notes ?? values.Observations ?? "",
                nextStep = values.NextStep ?? "",
                nextStepDate = values.NextStepDate ?? "",
                opportunity = values.Opportunity ?? "",
            },
            durations = Durations.Select(d => new { title = turn.T("visits.minutes", d), value = d.ToString(CultureInfo.InvariantCulture) }),
            types = Types(turn),
            outcomes = VisitCodes.Outcomes.Codes.Select(c => new { title = turn.T("visitoutcome." + c), value = c }),
        });
    }

    /// <summary>"lunes 24/11 10:00–11:00" (or "Monday 11/24 10:00 AM–11:00 AM") in the organisation's time zone.</summary>
    public string Span(DateTimeOffset start, DateTimeOffset end, TextFormat format) =>
        format.Span(TimeZoneInfo.ConvertTime(start, calendar.TimeZone), TimeZoneInfo.ConvertTime(end, calendar.TimeZone));

    private static object Labels(BotTurn turn) => new
    {
        date = turn.T("visits.date"),
        time = turn.T("visits.time"),
        duration = turn.T("visits.duration"),
        interviewee = turn.T("field.interviewee"),
        location = turn.T("field.location"),
        type = turn.T("field.visit-type"),
        observations = turn.T("field.observations"),
        inviteContact = turn.T("visits.inviteContact"),
        outcome = turn.T("field.outcome"),
        notes = turn.T("field.notes"),
        nextStep = turn.T("field.next-step"),
        nextStepDate = turn.T("field.next-step-date"),
        opportunity = turn.T("field.opportunity"),
        required = turn.T("clients.required"),
        save = turn.T("visits.save"),
        saveAnyway = turn.T("visits.saveAnyway"),
    };

    private static IEnumerable<object> Types(BotTurn turn) =>
        VisitCodes.Types.Codes.Select(c => new { title = turn.T("visittype." + c), value = c });
}
