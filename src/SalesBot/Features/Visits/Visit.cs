namespace SalesBot.Features.Visits;

/// <summary>Why the executive goes (seed 000's visit types).</summary>
public enum VisitType
{
    Prospecting,
    FollowUp,
    Loyalty,
    QualityCheck,
    Collections,
}

public enum VisitStatus
{
    Scheduled,
    Done,
    Cancelled,
}

/// <summary>What came of a visit; <see cref="SignedUp"/> is the seed's "vinculación": the client signed up.</summary>
public enum VisitOutcome
{
    Interested,
    NotInterested,
    FollowUpNeeded,
    SignedUp,
    ClientAbsent,
}

/// <summary>Where the visit's calendar event stands: written to Outlook, waiting for it, or refused for good.</summary>
public enum CalendarState
{
    /// <summary>No outside calendar (embedded calendar): the database is the calendar.</summary>
    Embedded,
    Pending,
    Synced,
    Failed,
}

/// <summary>
/// A client visit: scheduled (with its calendar event) and then logged with what happened, or
/// logged directly after the fact. Times are instants (UTC); the organisation's time zone gives
/// their local dates. Its owner is the executive who visits.
/// </summary>
public sealed class Visit : IAudited
{
    private Visit() { }

    private Visit(Guid ownerId, Guid clientId, DateTimeOffset start, DateTimeOffset end, VisitDetails details, DateTimeOffset at)
    {
        Id = NewId.Ordered();
        OwnerId = ownerId;
        ClientId = clientId;
        Start = start;
        End = end;
        CalendarTransactionId = NewId.Next();
        CreatedAt = at;
        ApplyDetails(details);
    }

    public static Visit Schedule(Guid ownerId, Guid clientId, DateTimeOffset start, DateTimeOffset end, VisitDetails details, string? inviteeEmail, bool calendarIsExternal, DateTimeOffset at) =>
        new(ownerId, clientId, start, end, details, at)
        {
            Status = VisitStatus.Scheduled,
            InviteeEmail = inviteeEmail,
            CalendarState = calendarIsExternal ? CalendarState.Pending : CalendarState.Embedded,
        };

    /// <summary>
    /// A visit loaded from another system's history: no calendar event is written for it, and no
    /// reminder or follow-up is sent about a visit that was already in the past when it came.
    /// </summary>
    public static Visit Imported(Guid ownerId, Guid clientId, DateTimeOffset start, DateTimeOffset end, VisitDetails details, VisitStatus status,
        VisitReport? report, DateTimeOffset at)
    {
        if (status == VisitStatus.Done) return Logged(ownerId, clientId, start, end, details, report!, ownerId, at);
        var visit = new Visit(ownerId, clientId, start, end, details, at) { Status = status, CalendarState = CalendarState.Embedded };
        if (start < at) (visit.ReminderSentAt, visit.FollowUpAskedAt) = (at, at);
        return visit;
    }

    /// <summary>A visit recorded after it happened, with no calendar event.</summary>
    public static Visit Logged(Guid ownerId, Guid clientId, DateTimeOffset start, DateTimeOffset end, VisitDetails details, VisitReport report, Guid by, DateTimeOffset at)
    {
        var visit = new Visit(ownerId, clientId, start, end, details, at) { CalendarState = CalendarState.Embedded };
        visit.Log(details, report, by, at);
        return visit;
    }

    public Guid Id { get; private set; }
    public Guid OwnerId { get; private set; }
    public Guid ClientId { get; private set; }
    public VisitStatus Status { get; private set; }
    public DateTimeOffset Start { get; private set; }
    public DateTimeOffset End { get; private set; }
    public VisitType? Type { get; private set; }

    /// <summary>The person to interview (seed: "persona a entrevistar").</summary>
    public string? Interviewee { get; private set; }
    public string? Location { get; private set; }
    public string? Observations { get; private set; }

    /// <summary>The client contact invited to the calendar event, if any.</summary>
    public string? InviteeEmail { get; private set; }

    public VisitOutcome? Outcome { get; private set; }
    public string? Notes { get; private set; }
    public string? NextStep { get; private set; }
    public DateOnly? NextStepDate { get; private set; }

    /// <summary>The opportunity this visit was about, as the executive names it (linked once the pipeline exists).</summary>
    public string? Opportunity { get; private set; }

    /// <summary>The deal the visit worked on, when its report named one of the client's deals.</summary>
    public Guid? OpportunityId { get; private set; }
    public DateTimeOffset? LoggedAt { get; private set; }
    public Guid? LoggedById { get; private set; }

    public CalendarState CalendarState { get; private set; }

    /// <summary>The Outlook event's id once created.</summary>
    public string? CalendarEventId { get; private set; }

    /// <summary>Sent as the event's transactionId: a retried create never makes a second event.</summary>
    public Guid CalendarTransactionId { get; private set; }
    public string? CalendarError { get; private set; }

    public DateTimeOffset? ReminderSentAt { get; private set; }
    public DateTimeOffset? FollowUpAskedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Changes when anything changes: a double-submitted card or two editors cannot both win.</summary>
    public Guid Version { get; private set; } = NewId.Next();

    public DomainError? Reschedule(DateTimeOffset start, DateTimeOffset end, VisitDetails details, bool calendarIsExternal)
    {
        if (Status != VisitStatus.Scheduled) return new DomainError("visit-not-scheduled");
        Start = start;
        End = end;
        ApplyDetails(details);
        NeedsCalendar(calendarIsExternal);
        ReminderSentAt = null;
        return null;
    }

    public DomainError? Cancel(bool calendarIsExternal)
    {
        if (Status != VisitStatus.Scheduled) return new DomainError("visit-not-scheduled");
        Status = VisitStatus.Cancelled;
        // Even without an event id yet: a create may be in flight, and the sync finds it by its transaction id.
        NeedsCalendar(calendarIsExternal);
        return null;
    }

    /// <summary>Records what happened; a visit is logged once (its report can then only be read).</summary>
    public DomainError? Log(VisitDetails details, VisitReport report, Guid by, DateTimeOffset at)
    {
        if (Status == VisitStatus.Done) return new DomainError("visit-logged");
        if (Status == VisitStatus.Cancelled) return new DomainError("visit-not-scheduled");
        // The log form does not carry the scheduling notes: they are kept unless new ones are given.
        ApplyDetails(details with { Observations = details.Observations ?? Observations });
        Type = report.Type;
        Outcome = report.Outcome;
        Notes = report.Notes;
        NextStep = report.NextStep;
        NextStepDate = report.NextStepDate;
        Opportunity = report.Opportunity;
        OpportunityId = report.OpportunityId;
        Status = VisitStatus.Done;
        LoggedAt = at;
        LoggedById = by;
        Version = NewId.Next();
        return null;
    }

    public void CalendarSynced(string? eventId)
    {
        CalendarEventId = eventId;
        CalendarState = CalendarState.Synced;
        CalendarError = null;
        Version = NewId.Next();
    }

    /// <summary>Records the event's id only (another change to the visit is still to be synced).</summary>
    public void RememberCalendarEvent(string? eventId)
    {
        CalendarEventId = eventId;
        Version = NewId.Next();
    }

    /// <summary>The Outlook event is gone (deleted by its owner): the next sync creates a new one, under a new transaction id.</summary>
    public void ForgetCalendarEvent()
    {
        CalendarEventId = null;
        CalendarTransactionId = NewId.Next();
        Version = NewId.Next();
    }

    public void CalendarFailed(string error)
    {
        CalendarState = CalendarState.Failed;
        CalendarError = error.Length > 500 ? error[..500] : error;
        Version = NewId.Next();
    }

    public void MarkReminded(DateTimeOffset at)
    {
        ReminderSentAt = at;
        Version = NewId.Next();
    }

    public void MarkFollowUpAsked(DateTimeOffset at)
    {
        FollowUpAskedAt = at;
        Version = NewId.Next();
    }

    private void NeedsCalendar(bool external)
    {
        CalendarState = external ? CalendarState.Pending : CalendarState.Embedded;
        CalendarError = null;
        Version = NewId.Next();
    }

    private void ApplyDetails(VisitDetails details)
    {
        Type = details.Type ?? Type;
        Interviewee = details.Interviewee;
        Location = details.Location;
        Observations = details.Observations;
        Version = NewId.Next();
    }

    /// <summary>Whether this visit and the given time overlap (touching ends do not).</summary>
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}

/// <summary>What a visit is about, as scheduled or as it went.</summary>
public sealed record VisitDetails(VisitType? Type, string? Interviewee, string? Location, string? Observations);

/// <summary>What came of a visit.</summary>
public sealed record VisitReport(VisitType Type, VisitOutcome Outcome, string? Notes, string? NextStep, DateOnly? NextStepDate, string? Opportunity,
    Guid? OpportunityId = null);
