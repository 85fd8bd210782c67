namespace SalesBot.Features.Indicators;

/// <summary>
/// A goal (meta) for one indicator, one month and one scope: a person, a team or the company
/// (whose id is empty). The target is in currency units, a count or a %, as the indicator counts.
/// </summary>
public sealed class Goal : IAudited
{
    private Goal() { }

    public Goal(Indicator indicator, ScopeKind scopeKind, Guid scopeId, int year, int month, decimal target, DateTimeOffset at)
    {
        Id = NewId.Next();
        Indicator = indicator;
        ScopeKind = scopeKind;
        ScopeId = scopeId;
        Year = year;
        Month = month;
        Target = target;
        SetAt = at;
    }

    public Guid Id { get; private set; }
    public Indicator Indicator { get; private set; }
    public ScopeKind ScopeKind { get; private set; }

    /// <summary>The person's or team's id; empty for the company.</summary>
    public Guid ScopeId { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public decimal Target { get; private set; }
    public DateTimeOffset SetAt { get; private set; }

    /// <summary>A re-import replaces the target; false when it was already that.</summary>
    public bool Replace(decimal target, DateTimeOffset at)
    {
        if (target == Target) return false;
        Target = target;
        SetAt = at;
        return true;
    }
}
