namespace SalesBot.Features.Offers;

public enum OfferStatus
{
    Draft,
    PendingApproval,
    Approved,
    ChangesRequested,
    Rejected,
    SentToClient,
    Accepted,
    Declined,
}

public enum RiskLevel
{
    Low,
    Medium,
    High,
}

/// <summary>One item of an offer: quantity x unit price x months is its contract value.</summary>
public sealed record OfferLine(string Description, int Quantity, decimal UnitPrice, int Months)
{
    public decimal Amount => Quantity * UnitPrice * Months;
}

/// <summary>
/// A commercial offer (oferta comercial) for an opportunity: its lines, discount, total (the
/// contract value after discount), validity and risk. Versions: after "changes requested" or a
/// rejection, the executive submits a new version; the old one stays as it was decided.
/// </summary>
public sealed class Offer : IAudited
{
    private readonly List<OfferLine> _lines = [];
    private readonly List<ApprovalStep> _steps = [];

    private Offer() { }

    public Offer(Guid opportunityId, int number, Guid requesterId, IEnumerable<OfferLine> lines, decimal discountPercent, RiskLevel risk,
        DateOnly validUntil, string? notes, string currency, DateTimeOffset at)
    {
        Id = NewId.Next();
        OpportunityId = opportunityId;
        Number = number;
        RequesterId = requesterId;
        _lines.AddRange(lines);
        DiscountPercent = discountPercent;
        Risk = risk;
        ValidUntil = validUntil;
        Notes = notes;
        Currency = currency;
        Subtotal = _lines.Sum(l => l.Amount);
        Total = Math.Round(Subtotal * (100m - discountPercent) / 100m, 2);
        Status = OfferStatus.Draft;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid OpportunityId { get; private set; }

    /// <summary>The version number within the opportunity: 1, 2, ...</summary>
    public int Number { get; private set; }
    public Guid RequesterId { get; private set; }
    public IReadOnlyList<OfferLine> Lines => _lines;
    public decimal Subtotal { get; private set; }
    public decimal DiscountPercent { get; private set; }

    /// <summary>The contract value after discount, in the organisation's currency: what the approval policy looks at.</summary>
    public decimal Total { get; private set; }
    public string Currency { get; private set; } = "COP";
    public RiskLevel Risk { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public string? Notes { get; private set; }
    public OfferStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? ClientReason { get; private set; }

    /// <summary>Changes when anything changes: of two decisions at once, only one is saved.</summary>
    public Guid Version { get; private set; } = NewId.Next();

    /// <summary>The approval chain, in order. Load it with the offer: every change to it goes through the offer.</summary>
    public IReadOnlyList<ApprovalStep> Steps => _steps.OrderBy(s => s.Order).ToList();

    /// <summary>The step waiting for a decision now, if any.</summary>
    public ApprovalStep? PendingStep => _steps.FirstOrDefault(s => s.IsPending);

    /// <summary>The step whose turn comes after the pending one, if any (its stand-in is looked up before a decision).</summary>
    public ApprovalStep? NextWaiting => _steps.Where(s => s.Status == StepStatus.Waiting).MinBy(s => s.Order);

    /// <summary>
    /// Submits a draft for approval along <paramref name="chain"/> (in order): the first link is
    /// asked at once, of <paramref name="firstDeputy"/> when its approver is away.
    /// </summary>
    public ApprovalStep Submit(IReadOnlyList<ChainLink> chain, Guid? firstDeputy, DateTimeOffset at)
    {
        if (Status != OfferStatus.Draft) throw new InvalidOperationException($"Offer {Number} is {Status}: only a draft is submitted");
        if (chain.Count == 0) throw new ArgumentException("An approval chain has at least one link", nameof(chain));
        _steps.AddRange(chain.Select((link, i) => new ApprovalStep(Id, i + 1, link.Level, link.ApproverId, link.Because)));
        Status = OfferStatus.PendingApproval;
        SubmittedAt = at;
        var first = _steps[0];
        first.Ask(firstDeputy, at);
        Touch();
        return first;
    }

    /// <summary>
    /// An approver's decision on a step. A step already decided, or an offer no longer in
    /// approval, changes nothing and says so (<see cref="OfferDecision.Changed"/> false): a double
    /// click, a retry or a stale card is not an error. Only the step's approver decides, only on
    /// its turn. Approving asks the next step (of <paramref name="nextDeputy"/> when its approver is
    /// away) or approves the offer; rejecting or asking for changes ends the chain.
    /// </summary>
    public Result<OfferDecision> Decide(Guid stepId, Guid by, Decision decision, string? comment, Guid? nextDeputy, DateTimeOffset at)
    {
        var step = _steps.FirstOrDefault(s => s.Id == stepId);
        if (step is null) return DomainError.NotFound("approval", stepId.ToString());
        if (step.IsDecided || Status != OfferStatus.PendingApproval) return new OfferDecision(step, null, Changed: false);
        if (by != step.ApproverId) return DomainError.Forbidden("offers.approve");
        if (step.Decide(decision, by, comment, at) is { } refused) return refused;
        ApprovalStep? next = null;
        if (decision == Decision.Approve)
        {
            next = NextWaiting;
            if (next is null) Conclude(OfferStatus.Approved, at);
            else next.Ask(nextDeputy, at);
        }
        else
        {
            foreach (var waiting in _steps.Where(s => s.Status == StepStatus.Waiting)) waiting.Skip();
            Conclude(decision == Decision.Reject ? OfferStatus.Rejected : OfferStatus.ChangesRequested, at);
        }
        Touch();
        return new OfferDecision(step, next, Changed: true);
    }

    /// <summary>The pending step's approver is reminded (at most once a day: the job checks when it last was).</summary>
    public DomainError? Remind(Guid stepId, DateTimeOffset at)
    {
        if (PendingOf(stepId) is not { } step) return new DomainError("approval-decided");
        step.MarkReminded(at);
        return null;
    }

    /// <summary>The pending step waited too long: it goes to <paramref name="managerId"/> (once), who is asked again.</summary>
    public DomainError? Escalate(Guid stepId, Guid managerId, DateTimeOffset at)
    {
        if (PendingOf(stepId) is not { } step) return new DomainError("approval-decided");
        if (step.EscalatedAt is not null) return new DomainError("approval-escalated");
        step.Reassign(managerId, "escalated", at);
        Touch();
        return null;
    }

    private ApprovalStep? PendingOf(Guid stepId) =>
        Status == OfferStatus.PendingApproval ? _steps.FirstOrDefault(s => s.Id == stepId && s.IsPending) : null;

    /// <summary>The chain ended: approved when every step approved, else as the deciding step said.</summary>
    private void Conclude(OfferStatus outcome, DateTimeOffset at)
    {
        Status = outcome;
        DecidedAt = at;
    }

    public DomainError? MarkSent()
    {
        if (Status != OfferStatus.Approved) return new DomainError("offer-not-approved", Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Status = OfferStatus.SentToClient;
        Touch();
        return null;
    }

    public DomainError? ClientDecided(bool accepted, string? reason, DateTimeOffset at)
    {
        if (Status != OfferStatus.SentToClient) return new DomainError("offer-not-sent", Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!accepted && string.IsNullOrWhiteSpace(reason)) return DomainError.Invalid("client-reason", "required-max", "500");
        if (reason?.Trim() is { Length: > 500 }) return DomainError.Invalid("client-reason", "required-max", "500");
        Status = accepted ? OfferStatus.Accepted : OfferStatus.Declined;
        ClientReason = reason?.Trim();
        DecidedAt = at;
        Touch();
        return null;
    }

    private void Touch() => Version = NewId.Next();
}

/// <summary>One link of an approval chain to be: the level, who approves, and why not the level's usual approver.</summary>
public sealed record ChainLink(ApprovalLevel Level, Guid ApproverId, string? Because);

/// <summary>What a decision did: the step decided, the next one asked (if any), or nothing (<see cref="Changed"/> false).</summary>
public sealed record OfferDecision(ApprovalStep Step, ApprovalStep? NextAsked, bool Changed);
