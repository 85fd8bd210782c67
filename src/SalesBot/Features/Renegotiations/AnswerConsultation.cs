using SalesBot.Features.Pipeline;

namespace SalesBot.Features.Renegotiations;

/// <summary>
/// An area answers; when all have, the renegotiation is viable (a deal is opened in Proposal for its
/// offer) or not (the areas' reasons recorded). Only the consulted person answers, once.
/// </summary>
public sealed class AnswerConsultation(SalesBotDbContext db, IRenegotiationNotifications notify, IOptions<PipelineOptions> pipeline,
    IOptions<OrganizationOptions> organization, TimeProvider clock)
{
    public async Task<Result<(Renegotiation Renegotiation, AreaConsultation Consultation)>> ExecuteAsync(Actor actor, Guid consultationId, bool viable, string? comment, CancellationToken ct)
    {
        var consultation = await db.AreaConsultations.FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return DomainError.NotFound("consultation", consultationId.ToString());
        if (actor.PersonId != consultation.PersonId) return DomainError.Forbidden("renegotiations.answer");
        var renegotiation = await db.Renegotiations.FirstAsync(r => r.Id == consultation.RenegotiationId, ct);
        if (renegotiation.Status != RenegotiationStatus.Consulting) return new DomainError("consultation-answered");
        var now = clock.GetUtcNow();
        if (consultation.Answer(viable, comment, now) is { } refused) return refused;
        renegotiation.Touch();

        var all = await db.AreaConsultations.Where(c => c.RenegotiationId == renegotiation.Id).ToListAsync(ct);
        if (all.Any(c => c.Viable is null)) return (renegotiation, consultation);
        var requester = await db.People.FirstAsync(p => p.Id == renegotiation.RequesterId, ct);
        var client = await db.Clients.Where(c => c.Id == renegotiation.ClientId).Select(c => c.Name).FirstAsync(ct);
        if (all.All(c => c.Viable == true))
        {
            var title = "Renegociación: " + (renegotiation.Requirement.Length > 60 ? renegotiation.Requirement[..60] + "…" : renegotiation.Requirement);
            var deal = new Opportunity(renegotiation.ClientId, renegotiation.RequesterId,
                new OpportunityTerms(title, "Renegociación", null, 1, 0m, 1, organization.Value.Currency, null, null, "Renegociación", null),
                Stage.Proposal, pipeline.Value.ProbabilityOf(Stage.Proposal), now);
            db.Opportunities.Add(deal);
            renegotiation.Viable(deal.Id);
            await notify.TellAsync(requester, "renegotiations.viable", [client, title], ct);
        }
        else
        {
            var reasons = string.Join("; ", all.Where(c => c.Viable == false).Select(c => Areas.Codes.Code(c.Area) + ": " + c.Comment));
            // Four comments of up to 1,000 characters each, with their area names, can pass the column's 4,000.
            if (reasons.Length > 4000) reasons = TextPreview.Of(reasons, 3999);
            renegotiation.NotViable(reasons, now);
            await notify.TellAsync(requester, "renegotiations.notViable", [client, reasons], ct);
        }
        return (renegotiation, consultation);
    }
}
