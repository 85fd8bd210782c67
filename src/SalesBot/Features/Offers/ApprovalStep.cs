namespace SalesBot.Features.Offers;

/// <summary>Who must approve, in the order they approve.</summary>
public enum ApprovalLevel
{
    TeamLead,
    CommercialDirector,
    GeneralDirector,
}

public enum StepStatus
{
    /// <summary>Its turn has not come: an earlier step is still open.</summary>
    Waiting,
    Pending,
    Approved,
    Rejected,
    ChangesRequested,

    /// <summary>Not asked: an earlier step rejected or asked for changes.</summary>
    Skipped,
}

public enum Decision
{
    Approve,
    Reject,
    RequestChanges,
}

/// <summary>
/// One approval of an offer's chain. The decision is taken once: the step's concurrency token lets
/// only the first of two simultaneous clicks through, and a decided step refuses every later one.
/// It changes only through its <see cref="Offer"/> (its mutators are internal to the aggregate),
/// which keeps the chain consistent: one step pending at a time, in order.
/// </summary>
public sealed class ApprovalStep : IAudited
{
    private ApprovalStep() { }

    internal ApprovalStep(Guid offerId, int order, ApprovalLevel level, Guid approverId, string? routedBecause)
    {
        Id = NewId.Next();
        OfferId = offerId;
        Order = order;
        Level = level;
        ApproverId = approverId;
        RoutedBecause = routedBecause;
        Status = StepStatus.Waiting;
    }

    public Guid Id { get; private set; }
    public Guid OfferId { get; private set; }
    public int Order { get; private set; }
    public ApprovalLevel Level { get; private set; }

    /// <summary>Who must decide (the requester's manager when the level's approver is the requester; a deputy while someone is away).</summary>
    public Guid ApproverId { get; private set; }

    /// <summary>Why the approver is not the level's usual one ("self", "deputy"), for the record.</summary>
    public string? RoutedBecause { get; private set; }
    public StepStatus Status { get; private set; }
    public DateTimeOffset? AskedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public Guid Version { get; private set; } = NewId.Next();

    public bool IsDecided => Status is StepStatus.Approved or StepStatus.Rejected or StepStatus.ChangesRequested or StepStatus.Skipped;

    public bool IsPending => Status == StepStatus.Pending;

    /// <summary>Its turn came: asked of its approver, or of their deputy while they are away.</summary>
    internal void Ask(Guid? deputyId, DateTimeOffset at)
    {
        if (Status != StepStatus.Waiting) throw new InvalidOperationException($"Step {Order} is {Status}: only a waiting step is asked");
        if (deputyId is { } deputy)
        {
            ApproverId = deputy;
            RoutedBecause = "deputy";
        }
        Status = StepStatus.Pending;
        AskedAt = at;
        Version = NewId.Next();
    }

    internal DomainError? Decide(Decision decision, Guid by, string? comment, DateTimeOffset at)
    {
        if (Status != StepStatus.Pending) return new DomainError("approval-decided");
        if (by != ApproverId) return DomainError.Forbidden("offers.approve");
        var text = comment?.Trim();
        if (decision != Decision.Approve && string.IsNullOrEmpty(text)) return DomainError.Invalid("comment", "comment-required");
        if (text is { Length: > 1000 }) return DomainError.Invalid("comment", "max", "1000");
        Status = decision switch
        {
            Decision.Approve => StepStatus.Approved,
            Decision.Reject => StepStatus.Rejected,
            _ => StepStatus.ChangesRequested,
        };
        DecidedById = by;
        DecidedAt = at;
        Comment = string.IsNullOrEmpty(text) ? null : text;
        Version = NewId.Next();
        return null;
    }

    internal void Skip()
    {
        if (Status != StepStatus.Waiting) throw new InvalidOperationException($"Step {Order} is {Status}: only a waiting step is skipped");
        Status = StepStatus.Skipped;
        Version = NewId.Next();
    }

    /// <summary>Hands the pending step to someone else (escalation to the approver's manager) and asks again.</summary>
    internal void Reassign(Guid approverId, string because, DateTimeOffset at)
    {
        if (Status != StepStatus.Pending) throw new InvalidOperationException($"Step {Order} is {Status}: only a pending step is reassigned");
        ApproverId = approverId;
        RoutedBecause = because;
        EscalatedAt = at;
        AskedAt = at;
        Version = NewId.Next();
    }

    internal void MarkReminded(DateTimeOffset at)
    {
        if (Status != StepStatus.Pending) throw new InvalidOperationException($"Step {Order} is {Status}: only a pending step is reminded");
        RemindedAt = at;
        Version = NewId.Next();
    }
}
