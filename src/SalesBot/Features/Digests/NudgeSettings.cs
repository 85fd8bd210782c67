namespace SalesBot.Features.Digests;

/// <summary>The kinds of item a weekly nudge carries; each can be turned off in «mis avisos».</summary>
[Flags]
public enum NudgeKinds
{
    None = 0,
    /// <summary>Open deals with no activity for 14 days.</summary>
    Stale = 1,
    /// <summary>Open deals past their expected close date.</summary>
    PastClose = 2,
    /// <summary>Next steps of visits dated this week (and each reminded at 08:00 on its day).</summary>
    NextSteps = 4,
    /// <summary>Offers approved and not yet sent to the client.</summary>
    ApprovedOffers = 8,
    All = Stale | PastClose | NextSteps | ApprovedOffers,
}

/// <summary>
/// An executive's own weekly nudge: when (default Monday 08:30, in their team's time zone) and
/// which kinds. Someone who never changed it has no row and gets the defaults.
/// </summary>
public sealed class NudgeSettings : IAudited
{
    public static readonly DigestSlot DefaultSlot = new(DayOfWeek.Monday, new TimeOnly(8, 30));

    private NudgeSettings() { }

    public NudgeSettings(Guid personId)
    {
        PersonId = personId;
        Day = DefaultSlot.Day;
        Hour = DefaultSlot.Hour;
        Kinds = NudgeKinds.All;
    }

    public Guid PersonId { get; private set; }
    public DayOfWeek Day { get; private set; }
    public TimeOnly Hour { get; private set; }
    public NudgeKinds Kinds { get; private set; }

    /// <summary>When the current choice was made: a week already begun before it is not owed.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public DigestSlot Slot => new(Day, Hour);

    public void Change(DigestSlot slot, NudgeKinds kinds, DateTimeOffset at)
    {
        Day = slot.Day;
        Hour = slot.Hour;
        Kinds = kinds & NudgeKinds.All;
        ChangedAt = at;
    }
}

/// <summary>A deal its owner asked not to be nudged about through a date, that day included ("posponer una semana": the next weekly nudge too).</summary>
public sealed class NudgeSnooze : IAudited
{
    private NudgeSnooze() { }

    public NudgeSnooze(Guid opportunityId, DateOnly until)
    {
        OpportunityId = opportunityId;
        Until = until;
    }

    public Guid OpportunityId { get; private set; }
    public DateOnly Until { get; private set; }

    public void Extend(DateOnly until) => Until = until > Until ? until : Until;
}
