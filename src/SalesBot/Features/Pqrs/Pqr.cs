using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Pqrs;

public enum PqrChannel
{
    Office,
    Phone,
    Web,
    Email,
}

public enum PqrStatus
{
    Open,
    InProgress,
    Answered,
    Closed,
}

/// <summary>
/// A petition, complaint, claim or appeal filed by a client, with its legal due date. Its
/// lifecycle lives here: it is answered once, by its assignee, and that answer is on time or not.
/// The text is the client's: it is never written to logs.
/// </summary>
public sealed class Pqr : IAudited
{
    private Pqr() { }

    public Pqr(string filingNumber, Guid clientId, PqrType type, PqrChannel channel, DateTimeOffset filedAt, string description, DateOnly dueDate, DateTimeOffset at)
    {
        Id = NewId.Next();
        FilingNumber = filingNumber;
        ClientId = clientId;
        Type = type;
        Channel = channel;
        FiledAt = filedAt;
        Description = description;
        DueDate = dueDate;
        Status = PqrStatus.Open;
        RegisteredAt = at;
    }

    public Guid Id { get; private set; }

    /// <summary>The radicado: the id the PQR got when it was filed; unique.</summary>
    public string FilingNumber { get; private set; } = "";
    public Guid ClientId { get; private set; }
    public PqrType Type { get; private set; }
    public PqrChannel Channel { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public string Description { get; private set; } = "";
    public DateOnly DueDate { get; private set; }

    /// <summary>
    /// The business calendar its term runs on: its assignee's team's at filing (null parts: the
    /// organisation's). Kept, so a later move of the team or of the assignee does not move the deadline.
    /// </summary>
    public string? CalendarCountry { get; private set; }
    public string? CalendarSubdivision { get; private set; }
    public string? CalendarTimeZone { get; private set; }

    public CalendarChoice CalendarChoice() => new(CalendarCountry, CalendarSubdivision, CalendarTimeZone);

    public void RunsOn(CalendarChoice calendar)
    {
        CalendarCountry = calendar.Country;
        CalendarSubdivision = calendar.Subdivision;
        CalendarTimeZone = calendar.TimeZone;
    }

    public PqrStatus Status { get; private set; }
    public Guid? AssigneeId { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public string? Response { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public Guid? AnsweredById { get; private set; }
    public bool? AnsweredOnTime { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>When the team lead was told the PQR is near its due date (once).</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>When the commercial director was told it is overdue (once).</summary>
    public DateTimeOffset? OverdueAlertedAt { get; private set; }

    /// <summary>Changes when anything changes: two people answering at once cannot both win.</summary>
    public Guid Version { get; private set; } = NewId.Next();

    public bool IsAnswered => Status is PqrStatus.Answered or PqrStatus.Closed;

    public void AssignTo(Guid personId, DateTimeOffset at)
    {
        AssigneeId = personId;
        AssignedAt = at;
        Version = NewId.Next();
    }

    /// <summary>Records the answer; refuses a second one, and a blank one.</summary>
    public DomainError? Answer(string response, Guid by, DateTimeOffset at, bool onTime)
    {
        if (IsAnswered) return new DomainError("pqr-answered", FilingNumber);
        if (string.IsNullOrWhiteSpace(response)) return DomainError.Invalid("response", "required-max", "8000");
        if (response.Trim().Length > 8000) return DomainError.Invalid("response", "required-max", "8000");
        Response = response.Trim();
        AnsweredAt = at;
        AnsweredById = by;
        AnsweredOnTime = onTime;
        Status = PqrStatus.Answered;
        Version = NewId.Next();
        return null;
    }

    public void MarkEscalated(DateTimeOffset at)
    {
        EscalatedAt = at;
        Version = NewId.Next();
    }

    public void MarkOverdueAlerted(DateTimeOffset at)
    {
        OverdueAlertedAt = at;
        Version = NewId.Next();
    }

    /// <summary>Whether a registration with these details is the same PQR (an idempotent retry).</summary>
    public bool SameFiling(Guid clientId, PqrType type, PqrChannel channel, DateTimeOffset filedAt, string description) =>
        ClientId == clientId && Type == type && Channel == channel && FiledAt == filedAt && Description == description;
}
