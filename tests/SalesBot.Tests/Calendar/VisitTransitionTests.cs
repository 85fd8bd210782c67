using SalesBot.Features.Visits;

namespace SalesBot.Tests.Calendar;

/// <summary>A visit's life: scheduled, moved, cancelled, logged; each transition legal or refused, without a database.</summary>
public sealed class VisitTransitionTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly VisitDetails Details = new(VisitType.FollowUp, "Carlos Ruiz", "Bogotá", "revisar contrato");
    private static readonly VisitReport Report = new(VisitType.FollowUp, VisitOutcome.Interested, "bien", null, null, null);

    private static Visit Scheduled(bool external = true) =>
        Visit.Schedule(Guid.NewGuid(), Guid.NewGuid(), Start, Start.AddHours(1), Details, null, external, Start.AddDays(-1));

    [Fact]
    public void A_scheduled_visit_waits_for_its_calendar_event_or_lives_in_the_embedded_calendar()
    {
        Assert.Equal((VisitStatus.Scheduled, CalendarState.Pending), (Scheduled().Status, Scheduled().CalendarState));
        Assert.Equal(CalendarState.Embedded, Scheduled(external: false).CalendarState);
    }

    [Fact]
    public void A_scheduled_visit_moves_and_its_reminder_is_due_again()
    {
        var visit = Scheduled();
        visit.MarkReminded(Start.AddHours(-1));
        visit.CalendarSynced("event-1");
        var version = visit.Version;

        Assert.Null(visit.Reschedule(Start.AddDays(1), Start.AddDays(1).AddHours(1), Details with { Location = "Medellín" }, calendarIsExternal: true));

        Assert.Equal((Start.AddDays(1), "Medellín", CalendarState.Pending, (DateTimeOffset?)null), (visit.Start, visit.Location, visit.CalendarState, visit.ReminderSentAt));
        Assert.Equal("event-1", visit.CalendarEventId);
        Assert.NotEqual(version, visit.Version);
    }

    [Fact]
    public void A_cancelled_visit_neither_moves_logs_nor_cancels_again_and_its_event_is_still_synced()
    {
        var visit = Scheduled();

        Assert.Null(visit.Cancel(calendarIsExternal: true));
        Assert.Equal((VisitStatus.Cancelled, CalendarState.Pending), (visit.Status, visit.CalendarState));
        Assert.Equal("visit-not-scheduled", visit.Cancel(true)!.Code);
        Assert.Equal("visit-not-scheduled", visit.Reschedule(Start, Start.AddHours(1), Details, true)!.Code);
        Assert.Equal("visit-not-scheduled", visit.Log(Details, Report, Guid.NewGuid(), Start)!.Code);
    }

    [Fact]
    public void A_visit_is_logged_once_keeping_its_notes_and_then_neither_moves_nor_is_cancelled()
    {
        var visit = Scheduled();
        var by = Guid.NewGuid();

        Assert.Null(visit.Log(Details with { Observations = null }, Report, by, Start.AddHours(2)));

        Assert.Equal((VisitStatus.Done, VisitOutcome.Interested, by, "revisar contrato"), (visit.Status, visit.Outcome, visit.LoggedById, visit.Observations));
        Assert.Equal("visit-logged", visit.Log(Details, Report, by, Start.AddHours(3))!.Code);
        Assert.Equal("visit-not-scheduled", visit.Reschedule(Start, Start.AddHours(1), Details, true)!.Code);
        Assert.Equal("visit-not-scheduled", visit.Cancel(true)!.Code);
    }

    [Fact]
    public void A_visit_recorded_after_it_happened_is_done_with_no_calendar_event()
    {
        var visit = Visit.Logged(Guid.NewGuid(), Guid.NewGuid(), Start, Start.AddHours(1), Details, Report, Guid.NewGuid(), Start.AddHours(2));

        Assert.Equal((VisitStatus.Done, CalendarState.Embedded), (visit.Status, visit.CalendarState));
    }

    [Fact]
    public void A_calendar_failure_is_kept_short_and_a_deleted_event_is_made_again_under_a_new_transaction()
    {
        var visit = Scheduled();
        var transaction = visit.CalendarTransactionId;

        visit.CalendarFailed(new string('e', 900));
        Assert.Equal((CalendarState.Failed, 500), (visit.CalendarState, visit.CalendarError!.Length));
        visit.CalendarSynced("event-2");
        Assert.Equal((CalendarState.Synced, (string?)null), (visit.CalendarState, visit.CalendarError));
        visit.ForgetCalendarEvent();
        Assert.Null(visit.CalendarEventId);
        Assert.NotEqual(transaction, visit.CalendarTransactionId);
    }
}
