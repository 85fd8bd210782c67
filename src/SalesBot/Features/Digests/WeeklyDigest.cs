using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;

namespace SalesBot.Features.Digests;

/// <summary>
/// A team's week, as the channel reads it: the pipeline by stage, the weighted forecast of the month
/// and quarter against the non-regulated money goal, the week's moves, the deals closing soon and
/// those gone quiet, visits against the plan, the PQRs due, and offers waiting on an approver.
/// Holds deals' names, stages, values and owners, radicados and due dates: what the privacy table
/// lets a channel linked to the team see, never a NIT, a contact or a PQR's text.
/// </summary>
public sealed record WeeklyDigest(
    Guid TeamId,
    string TeamName,
    DateOnly From,
    DateOnly To,
    string Currency,
    IReadOnlyList<StageSummary> Pipeline,
    DigestForecast Month,
    DigestForecast Quarter,
    IReadOnlyList<DigestMove> Moves,
    IReadOnlyList<DigestDeal> ClosingSoon,
    IReadOnlyList<DigestDeal> Stale,
    DigestVisits Visits,
    IReadOnlyList<DigestPqr> Pqrs,
    IReadOnlyList<DigestApproval> Approvals)
{
    /// <summary>Rows each list shows in the channel; the rest are "y N más", sent in full on request.</summary>
    public const int RowsShown = 5;

    /// <summary>A deal with no visit, stage move, offer or edit for this long is stale.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(14);

    /// <summary>Deals expected to close within this many days are listed.</summary>
    public const int ClosingWithinDays = 14;

    public int Count(DigestMoveKind kind) => Moves.Count(m => m.Kind == kind);
}

public sealed record DigestDeal(Guid Id, string Title, string Client, string Owner, Stage Stage, decimal Value, string Currency, DateOnly? ExpectedClose, DateTimeOffset LastActivityAt);

public enum DigestMoveKind
{
    New,
    Forward,
    Back,
    Won,
    Lost,
}

/// <summary>What happened to a deal in the week: its last move (Won counts as forward, and is also listed as won).</summary>
public sealed record DigestMove(DigestDeal Deal, DigestMoveKind Kind, Stage? From, Stage To, string? Reason);

/// <summary>Won so far plus the weighted value of open deals expected to close in the period, against the goal (null: none set).</summary>
public sealed record DigestForecast(string Label, decimal Won, decimal WeightedOpen, decimal? Goal)
{
    public decimal Forecast => Won + WeightedOpen;
    public decimal? Percent => Goal is { } g && g > 0 ? Math.Round(Forecast * 100m / g, 1) : null;
}

/// <summary>Visits done this month against the month's plan, and what the plan asks by today (by business days elapsed).</summary>
public sealed record DigestVisits(int Done, int Planned, int PlannedToDate);

public sealed record DigestPqr(string Radicado, PqrType Type, DateOnly Due, bool Overdue);

public sealed record DigestApproval(int OfferNumber, string Client, decimal Total, string Currency, string Approver, DateTimeOffset AskedAt);
