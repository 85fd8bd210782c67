namespace SalesBot.Features.Renegotiations;

/// <summary>The areas consulted about a change to a running contract (seed 004).</summary>
public enum Area
{
    Legal,
    HumanResources,
    Operations,
    Finance,
}

public enum RenegotiationStatus
{
    /// <summary>Waiting for the areas' answers.</summary>
    Consulting,
    NotViable,

    /// <summary>Viable: the proposal (an offer) is prepared and approved, then taken to the client.</summary>
    Proposal,
    ClientNotInterested,
    ContractChanged,
}

/// <summary>
/// A client's requirement on an existing contract, taken through seed 004: the areas say whether
/// it is viable; if so an offer goes through the usual approvals; the client is interested or not;
/// the contract and operation change (Legal and payroll told) or the reasons are recorded.
/// </summary>
public sealed class Renegotiation : IAudited
{
    private Renegotiation() { }

    public Renegotiation(Guid clientId, Guid requesterId, string requirement, DateTimeOffset at)
    {
        Id = NewId.Next();
        ClientId = clientId;
        RequesterId = requesterId;
        Requirement = requirement;
        Status = RenegotiationStatus.Consulting;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid RequesterId { get; private set; }
    public string Requirement { get; private set; } = "";
    public RenegotiationStatus Status { get; private set; }

    /// <summary>The deal the proposal's offer belongs to, opened when the areas find it viable.</summary>
    public Guid? OpportunityId { get; private set; }

    /// <summary>Why it ended without a change (the areas' or the client's reasons).</summary>
    public string? Reasons { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid Version { get; private set; } = NewId.Next();

    public bool IsOpen => Status is RenegotiationStatus.Consulting or RenegotiationStatus.Proposal;

    public void Viable(Guid opportunityId)
    {
        Status = RenegotiationStatus.Proposal;
        OpportunityId = opportunityId;
        Version = NewId.Next();
    }

    /// <summary>An area answered: two last answers at once meet on this row, and the second turn, run again, closes the round.</summary>
    public void Touch() => Version = NewId.Next();

    public void NotViable(string reasons, DateTimeOffset at) => Close(RenegotiationStatus.NotViable, reasons, at);

    public void ClientNotInterested(string reason, DateTimeOffset at) => Close(RenegotiationStatus.ClientNotInterested, reason, at);

    public void ContractChanged(DateTimeOffset at) => Close(RenegotiationStatus.ContractChanged, null, at);

    private void Close(RenegotiationStatus status, string? reasons, DateTimeOffset at)
    {
        Status = status;
        Reasons = reasons;
        ClosedAt = at;
        Version = NewId.Next();
    }
}

/// <summary>One area's answer: viable or not, with a comment (required when not viable); given once.</summary>
public sealed class AreaConsultation : IAudited
{
    private AreaConsultation() { }

    public AreaConsultation(Guid renegotiationId, Area area, Guid personId)
    {
        Id = NewId.Next();
        RenegotiationId = renegotiationId;
        Area = area;
        PersonId = personId;
    }

    public Guid Id { get; private set; }
    public Guid RenegotiationId { get; private set; }
    public Area Area { get; private set; }
    public Guid PersonId { get; private set; }
    public bool? Viable { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public Guid Version { get; private set; } = NewId.Next();

    public DomainError? Answer(bool viable, string? comment, DateTimeOffset at)
    {
        if (Viable is not null) return new DomainError("consultation-answered");
        var text = comment?.Trim();
        if (!viable && string.IsNullOrEmpty(text)) return DomainError.Invalid("comment", "comment-required-not-viable");
        if (text is { Length: > 1000 }) return DomainError.Invalid("comment", "max", "1000");
        Viable = viable;
        Comment = string.IsNullOrEmpty(text) ? null : text;
        AnsweredAt = at;
        Version = NewId.Next();
        return null;
    }
}

/// <summary>Who answers for each area (set by `salesbot areas set`, and by seed-demo for the demo).</summary>
public sealed class AreaContact : IAudited
{
    private AreaContact() { }

    public AreaContact(Area area, Guid personId)
    {
        Area = area;
        PersonId = personId;
    }

    public Area Area { get; private set; }
    public Guid PersonId { get; private set; }

    public void Set(Guid personId) => PersonId = personId;
}

public static class Areas
{
    public static readonly CodeTable<Area> Codes = new(
        (Area.Legal, "legal", ["juridica", "jurídica", "juridico"]),
        (Area.HumanResources, "hr", ["talento humano", "recursos humanos", "rrhh", "nomina", "nómina", "payroll"]),
        (Area.Operations, "operations", ["operaciones", "operacion"]),
        (Area.Finance, "finance", ["financiera", "finanzas", "financiero"]));
}
