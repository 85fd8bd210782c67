using SalesBot.Infrastructure.Auditing;
using SalesBot.Features.Pipeline;

namespace SalesBot.Features.Offers;

/// <summary>
/// A deal's offers in its history, from the audit log: each offer created, each move of its status
/// (submitted, sent, accepted, declined with the client's reason), and each approver's decision with
/// who took it (a delegate included) and their comment.
/// </summary>
public sealed class OfferHistory(SalesBotDbContext db) : IDealHistorySource
{
    public async Task<IReadOnlyList<HistoryEntry>> EntriesAsync(Guid opportunityId, CancellationToken ct)
    {
        var offers = await db.Offers.AsNoTracking().Where(o => o.OpportunityId == opportunityId)
            .Select(o => new { o.Id, o.Number, o.Currency }).ToListAsync(ct);
        if (offers.Count == 0) return [];
        var offerIds = offers.Select(o => o.Id).ToList();
        var steps = await db.ApprovalSteps.AsNoTracking().Where(s => offerIds.Contains(s.OfferId))
            .Select(s => new { s.Id, s.OfferId, s.Level }).ToListAsync(ct);
        var offerKeys = offers.ToDictionary(o => o.Id.ToString(), o => o);
        var stepKeys = steps.ToDictionary(s => s.Id.ToString(), s => (Step: s, Offer: offers.First(o => o.Id == s.OfferId)));
        var keys = offerKeys.Keys.Concat(stepKeys.Keys).ToList();
        var rows = await db.AuditLog.AsNoTracking()
            .Where(a => (a.EntityType == nameof(Offer) || a.EntityType == nameof(ApprovalStep)) && keys.Contains(a.EntityId))
            .OrderByDescending(a => a.Id).Take(OpportunityHistory.MaxEntries).ToListAsync(ct);

        var entries = new List<HistoryEntry>();
        foreach (var row in rows)
        {
            var who = row.ActorName ?? row.ActorId;
            var after = AuditSnapshot.Read(row.After);
            HistoryFact? fact = null;
            if (row.EntityType == nameof(Offer) && offerKeys.TryGetValue(row.EntityId, out var offer))
            {
                var status = StatusOf<OfferStatus>(after);
                if (row.Action == "created")
                    fact = new HistoryFact("history.offerCreated", offer.Number, new HistoryFact.Amount(DecimalOf(after, nameof(Offer.Total)), offer.Currency),
                        new HistoryFact.Label("offerstatus." + (status ?? OfferStatus.Draft)));
                // An approver's verdict moves the offer too: that is told once, by the step, with who decided.
                else if (status is { } moved and not (OfferStatus.Approved or OfferStatus.Rejected or OfferStatus.ChangesRequested)
                    && moved != StatusOf<OfferStatus>(AuditSnapshot.Read(row.Before)))
                    fact = after.GetValueOrDefault(nameof(Offer.ClientReason)) is { Length: > 0 } reason && moved == OfferStatus.Declined
                        ? new HistoryFact("history.offerStatusBecause", offer.Number, new HistoryFact.Label("offerstatus." + moved), reason)
                        : new HistoryFact("history.offerStatus", offer.Number, new HistoryFact.Label("offerstatus." + moved));
            }
            else if (row.EntityType == nameof(ApprovalStep) && stepKeys.TryGetValue(row.EntityId, out var step)
                && StatusOf<StepStatus>(after) is { } decided and (StepStatus.Approved or StepStatus.Rejected or StepStatus.ChangesRequested)
                && decided != StatusOf<StepStatus>(AuditSnapshot.Read(row.Before)))
            {
                var level = new HistoryFact.Label("level." + step.Step.Level);
                var verdict = new HistoryFact.Label("stepstatus." + decided);
                fact = after.GetValueOrDefault(nameof(ApprovalStep.Comment)) is { Length: > 0 } comment
                    ? new HistoryFact("history.stepDecidedSaying", step.Offer.Number, level, verdict, comment)
                    : new HistoryFact("history.stepDecided", step.Offer.Number, level, verdict);
            }
            if (fact is not null) entries.Add(new HistoryEntry(row.At, who, "offer", [], fact));
        }
        return entries;
    }

    private static T? StatusOf<T>(Dictionary<string, string?> snapshot) where T : struct, Enum =>
        snapshot.GetValueOrDefault("Status") is { } value && Enum.TryParse<T>(value, out var status) && Enum.IsDefined(status) ? status : null;

    private static decimal DecimalOf(Dictionary<string, string?> snapshot, string field) =>
        decimal.TryParse(snapshot.GetValueOrDefault(field), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0m;
}
