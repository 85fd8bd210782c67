namespace SalesBot.Features.Visits;

/// <summary>A visit's report names the deal it worked on in words: which of the client's deals that is.</summary>
public static class VisitDeals
{
    /// <summary>
    /// The deal the report names, among the client's: linked when the words name one, refused with
    /// the client's deals when they name none or several (a visit never points at a guess).
    /// </summary>
    public static async Task<VisitReport?> LinkAsync(SalesBotDbContext db, Guid clientId, VisitReport report, List<DomainError> errors, CancellationToken ct)
    {
        if (report.Opportunity is not { } named) return report;
        var deals = await db.Opportunities.AsNoTracking().Where(o => o.ClientId == clientId)
            .Select(o => new { o.Id, o.Title, o.NormalizedTitle }).ToListAsync(ct);
        var words = TextFolding.Fold(named);
        var exact = deals.Where(d => d.NormalizedTitle == words).ToList();
        var matches = exact.Count > 0 ? exact : deals.Where(d => d.NormalizedTitle.Contains(words, StringComparison.Ordinal)).ToList();
        if (matches.Count == 1) return report with { Opportunity = matches[0].Title, OpportunityId = matches[0].Id };
        var names = string.Join(", ", (matches.Count > 1 ? matches : deals).Select(d => d.Title).Take(10));
        errors.Add(DomainError.Invalid("opportunity", matches.Count > 1 ? "deal-ambiguous" : "deal-unknown", names.Length > 0 ? names : "-"));
        return null;
    }
}
