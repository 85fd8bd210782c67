namespace SalesBot.Features.Visits;

/// <summary>How many visits an executive means to make in a month, set by them or their team lead.</summary>
public sealed class VisitPlan : IAudited
{
    private VisitPlan() { }

    public VisitPlan(Guid ownerId, int year, int month, int planned, Guid setById, DateTimeOffset at)
    {
        OwnerId = ownerId;
        Year = year;
        Month = month;
        Set(planned, setById, at);
    }

    public Guid OwnerId { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public int Planned { get; private set; }
    public Guid SetById { get; private set; }
    public DateTimeOffset SetAt { get; private set; }

    public void Set(int planned, Guid setById, DateTimeOffset at)
    {
        Planned = planned;
        SetById = setById;
        SetAt = at;
    }
}
