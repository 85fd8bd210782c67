using SalesBot.Features.Clients;

namespace SalesBot.Features.Pipeline;

/// <summary>The pipeline's stages, in order (seed 001's "proyecto de venta").</summary>
public enum Stage
{
    Hunting,
    Qualification,
    Proposal,
    Negotiation,
    Won,
    Lost,
}

/// <summary>
/// A deal in the pipeline: what is sold (seats x unit value a month, for some months), how likely
/// and when. The stage machine lives here: forward any number of stages, back too, but never out
/// of Won or Lost, except that a team lead may reopen a Lost deal. Every change is in the audit log,
/// which is its history.
/// </summary>
public sealed class Opportunity : IAudited
{
    private readonly List<OpportunityStageChange> _stageChanges = [];

    private Opportunity() { }

    public Opportunity(Guid clientId, Guid ownerId, OpportunityTerms terms, Stage stage, int stageProbability, DateTimeOffset at)
    {
        Id = NewId.Next();
        ClientId = clientId;
        OwnerId = ownerId;
        CreatedAt = at;
        Stage = stage;
        _stageChanges.Add(new OpportunityStageChange(Id, null, stage, at));
        Apply(terms, stageProbability, at);
    }

    /// <summary>The stage changes added by this instance (not loaded with the deal: read them from the set).</summary>
    public IReadOnlyList<OpportunityStageChange> StageChanges => _stageChanges;

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid OwnerId { get; private set; }
    public string Title { get; private set; } = "";
    public string NormalizedTitle { get; private set; } = "";
    public string? ServiceType { get; private set; }
    public ClientSegment? Segment { get; private set; }
    public int Seats { get; private set; }
    public decimal UnitValue { get; private set; }
    public int ContractMonths { get; private set; }
    public string Currency { get; private set; } = "COP";

    /// <summary>Seats x unit value.</summary>
    public decimal MonthlyValue { get; private set; }

    /// <summary>Monthly value x contract months.</summary>
    public decimal TotalValue { get; private set; }
    public Stage Stage { get; private set; }
    public int Probability { get; private set; }

    /// <summary>Set when someone chose the probability; otherwise it follows the stage's default.</summary>
    public int? ProbabilityOverride { get; private set; }
    public DateOnly? ExpectedClose { get; private set; }
    public DateOnly? ExpectedFirstBilling { get; private set; }
    public string? LeadSource { get; private set; }
    public string? LostReason { get; private set; }
    public DateTimeOffset LastActivityAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Changes when anything changes: two people moving the deal at once cannot both win.</summary>
    public Guid Version { get; private set; } = NewId.Next();

    public bool IsClosed => Stage is Stage.Won or Stage.Lost;

    /// <summary>
    /// Total x probability, rounded to the cent: what the pipeline expects of it. Stored, so that a
    /// pipeline's weighted total is a sum in the database of values that are already rounded.
    /// </summary>
    public decimal WeightedValue { get; private set; }

    public void Apply(OpportunityTerms terms, int stageProbability, DateTimeOffset at)
    {
        Title = terms.Title;
        NormalizedTitle = TextFolding.Fold(terms.Title);
        ServiceType = terms.ServiceType;
        Segment = terms.Segment;
        Seats = terms.Seats;
        UnitValue = terms.UnitValue;
        ContractMonths = terms.ContractMonths;
        Currency = terms.Currency;
        MonthlyValue = terms.Seats * terms.UnitValue;
        TotalValue = MonthlyValue * terms.ContractMonths;
        ExpectedClose = terms.ExpectedClose;
        ExpectedFirstBilling = terms.ExpectedFirstBilling;
        LeadSource = terms.LeadSource;
        ProbabilityOverride = terms.ProbabilityOverride;
        Probability = Stage switch
        {
            Stage.Won => 100,
            Stage.Lost => 0,
            _ => terms.ProbabilityOverride ?? stageProbability,
        };
        Weigh();
        Touch(at);
    }

    /// <summary>
    /// A deal loaded from another system (seed 002's rolling pipeline) with the dates it entered each
    /// stage, in order: its history is those dates, not the day it was imported.
    /// </summary>
    public static Opportunity Imported(Guid clientId, Guid ownerId, OpportunityTerms terms, IReadOnlyList<(Stage Stage, DateTimeOffset At)> entries,
        string? lostReason, Func<Stage, int> stageProbability)
    {
        var deal = new Opportunity(clientId, ownerId, terms, entries[0].Stage, stageProbability(entries[0].Stage), entries[0].At);
        foreach (var (stage, at) in entries.Skip(1))
        {
            deal._stageChanges.Add(new OpportunityStageChange(deal.Id, deal.Stage, stage, at));
            deal.Stage = stage;
        }
        deal.LostReason = deal.Stage == Stage.Lost ? lostReason : null;
        deal.Apply(terms, stageProbability(deal.Stage), entries[^1].At);
        return deal;
    }

    /// <summary>The terms the deal holds now, to tell whether an import brings anything new.</summary>
    public OpportunityTerms Terms => new(Title, ServiceType, Segment, Seats, UnitValue, ContractMonths, Currency, ExpectedClose, ExpectedFirstBilling,
        LeadSource, ProbabilityOverride);

    /// <summary>An imported row moved the deal on in the other system: it enters that stage on that date, whatever the rules of a move in chat.</summary>
    public void ImportStage(Stage stage, DateTimeOffset at, string? lostReason, int stageProbability)
    {
        _stageChanges.Add(new OpportunityStageChange(Id, Stage, stage, at));
        Stage = stage;
        LostReason = stage == Stage.Lost ? lostReason : null;
        Apply(Terms, stageProbability, at);
    }

    /// <summary>Moves the deal; <paramref name="mayReopen"/> is the team lead's right to bring back a Lost deal.</summary>
    public DomainError? MoveTo(Stage target, int stageProbability, string? lostReason, bool mayReopen, DateTimeOffset at)
    {
        if (target == Stage) return new DomainError("opportunity-same-stage", Title);
        if (Stage == Stage.Won) return new DomainError("opportunity-won", Title);
        if (Stage == Stage.Lost && !mayReopen) return new DomainError("opportunity-lost", Title);
        if (Stage == Stage.Lost && target == Stage.Won) return new DomainError("opportunity-reopen-to-won", Title);
        if (target == Stage.Lost && string.IsNullOrWhiteSpace(lostReason)) return DomainError.Invalid("lost-reason", "required-max", "500");
        if (lostReason is { Length: > 500 }) return DomainError.Invalid("lost-reason", "required-max", "500");
        _stageChanges.Add(new OpportunityStageChange(Id, Stage, target, at));
        Stage = target;
        LostReason = target == Stage.Lost ? lostReason!.Trim() : null;
        Probability = target switch
        {
            Stage.Won => 100,
            Stage.Lost => 0,
            _ => ProbabilityOverride ?? stageProbability,
        };
        Weigh();
        Touch(at);
        return null;
    }

    private void Weigh() => WeightedValue = Math.Round(TotalValue * Probability / 100m, 2);

    /// <summary>Something happened on the deal (a visit, an offer): it is not stale.</summary>
    public void Touch(DateTimeOffset at)
    {
        LastActivityAt = at;
        Version = NewId.Next();
    }
}

/// <summary>What an opportunity sells, validated (see <see cref="OpportunityInput"/>).</summary>
public sealed record OpportunityTerms(
    string Title, string? ServiceType, ClientSegment? Segment, int Seats, decimal UnitValue, int ContractMonths, string Currency,
    DateOnly? ExpectedClose, DateOnly? ExpectedFirstBilling, string? LeadSource, int? ProbabilityOverride);
