using SalesBot.Features.Shared;

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
/// </summary>
public sealed class ApprovalStep : IAudited
{
    private ApprovalStep() { }

    public ApprovalStep(Guid offerId, int order, ApprovalLevel level, Guid approverId, string? routedBecause)
    {
        Id = Guid.NewGuid();
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
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsDecided => Status is StepStatus.Approved or StepStatus.Rejected or StepStatus.ChangesRequested or StepStatus.Skipped;

    public void Ask(DateTimeOffset at)
    {
        Status = StepStatus.Pending;
        AskedAt = at;
        Version = Guid.NewGuid();
    }

    public DomainError? Decide(Decision decision, Guid by, string? comment, DateTimeOffset at)
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
        Version = Guid.NewGuid();
        return null;
    }

    public void Skip()
    {
        Status = StepStatus.Skipped;
        Version = Guid.NewGuid();
    }

    /// <summary>The approver is away: their deputy decides this step.</summary>
    public void HandToDeputy(Guid deputyId)
    {
        ApproverId = deputyId;
        RoutedBecause = "deputy";
        Version = Guid.NewGuid();
    }

    /// <summary>Hands the step to someone else (escalation to the approver's manager) and asks again.</summary>
    public void Reassign(Guid approverId, string because, DateTimeOffset at)
    {
        ApproverId = approverId;
        RoutedBecause = because;
        EscalatedAt = at;
        AskedAt = at;
        Version = Guid.NewGuid();
    }

    public void MarkReminded(DateTimeOffset at)
    {
        RemindedAt = at;
        Version = Guid.NewGuid();
    }
}
