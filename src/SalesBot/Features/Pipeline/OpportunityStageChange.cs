namespace SalesBot.Features.Pipeline;

/// <summary>
/// A deal entering a stage, dated: what conversion counts (the first entry into Proposal, Negotiation
/// or Won in a period) and what the digests call "moved forward" or "back". Written by the deal itself
/// whenever its stage changes, so no path can move a deal without leaving its row.
/// </summary>
public sealed class OpportunityStageChange
{
    private OpportunityStageChange() { }

    internal OpportunityStageChange(Guid opportunityId, Stage? from, Stage to, DateTimeOffset at)
    {
        // No id of its own yet: EF gives it one when it finds the row new beside a deal already stored
        // (a row that came with an id would be taken for an existing one, and updated).
        OpportunityId = opportunityId;
        FromStage = from;
        ToStage = to;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid OpportunityId { get; private set; }

    /// <summary>The stage it left; null for the stage a deal was created in.</summary>
    public Stage? FromStage { get; private set; }
    public Stage ToStage { get; private set; }
    public DateTimeOffset At { get; private set; }
}
