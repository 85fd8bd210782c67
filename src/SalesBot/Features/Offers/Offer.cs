using SalesBot.Features.Shared;

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

    private Offer() { }

    public Offer(Guid opportunityId, int number, Guid requesterId, IEnumerable<OfferLine> lines, decimal discountPercent, RiskLevel risk,
        DateOnly validUntil, string? notes, string currency, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
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
    public Guid Version { get; private set; } = Guid.NewGuid();

    public void Submit(DateTimeOffset at)
    {
        Status = OfferStatus.PendingApproval;
        SubmittedAt = at;
        Touch();
    }

    /// <summary>The chain ended: approved when every step approved, else as the deciding step said.</summary>
    public void Conclude(OfferStatus outcome, DateTimeOffset at)
    {
        Status = outcome;
        DecidedAt = at;
        Touch();
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

    private void Touch() => Version = Guid.NewGuid();
}
