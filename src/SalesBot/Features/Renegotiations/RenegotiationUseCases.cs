using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesBot.Features.Clients;
using SalesBot.Features.Offers;
using SalesBot.Features.Organization;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Shared;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Features.Renegotiations;

/// <summary>Starts a renegotiation for a client the executive manages, and consults every area.</summary>
public sealed class StartRenegotiation(SalesBotDbContext db, SearchClients clients, IRenegotiationNotifications notify, TimeProvider clock)
{
    public async Task<Result<Renegotiation>> ExecuteAsync(Actor actor, Guid clientId, string? requirement, CancellationToken ct)
    {
        if (actor.PersonId is not { } me || !(actor.Has(Role.Executive) || actor.Has(Role.TeamLead))) return DomainError.Forbidden("renegotiations.start");
        var client = await clients.ByIdAsync(actor, clientId, ct);
        if (!client.Ok) return client.Error!;
        var text = requirement?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2000) return DomainError.Invalid("requirement", "required-max", "2000");
        if (await db.Renegotiations.AnyAsync(r => r.ClientId == clientId && (r.Status == RenegotiationStatus.Consulting || r.Status == RenegotiationStatus.Proposal), ct))
            return new DomainError("renegotiation-open", client.Value!.Name);
        var contacts = await db.AreaContacts.ToListAsync(ct);
        var missing = Enum.GetValues<Area>().Where(a => contacts.All(c => c.Area != a)).ToList();
        if (missing.Count > 0) return new DomainError("no-area-contact", string.Join(", ", missing.Select(a => Areas.Codes.Code(a))));

        var renegotiation = new Renegotiation(clientId, me, text, clock.GetUtcNow());
        db.Renegotiations.Add(renegotiation);
        foreach (var contact in contacts.OrderBy(c => c.Area))
        {
            var consultation = new AreaConsultation(renegotiation.Id, contact.Area, contact.PersonId);
            db.AreaConsultations.Add(consultation);
            var person = await db.People.FirstAsync(p => p.Id == contact.PersonId, ct);
            await notify.ConsultAsync(renegotiation, consultation, person, client.Value!.Name, ct);
        }
        return renegotiation;
    }
}

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

/// <summary>
/// The client's answer to the renegotiation's proposal: interested (its offer approved) changes the
/// contract: the deal is won and Legal and payroll are told; not interested records the reason and
/// loses the deal. The requester, their team lead or an administrator records it.
/// </summary>
public sealed class CloseRenegotiation(SalesBotDbContext db, IRenegotiationNotifications notify, IOptions<PipelineOptions> pipeline, TimeProvider clock)
{
    public async Task<Result<Renegotiation>> ExecuteAsync(Actor actor, Guid renegotiationId, bool interested, string? reason, CancellationToken ct)
    {
        var renegotiation = await db.Renegotiations.FirstOrDefaultAsync(r => r.Id == renegotiationId, ct);
        if (renegotiation is null) return DomainError.NotFound("renegotiation", renegotiationId.ToString());
        if (renegotiation.Status != RenegotiationStatus.Proposal || renegotiation.OpportunityId is not { } dealId) return new DomainError("renegotiation-not-proposal");
        var deal = await db.Opportunities.FirstAsync(o => o.Id == dealId, ct);
        if (!await OpportunityAccess.MayManageAsync(db, actor, deal, ct)) return DomainError.Forbidden("renegotiations.close");
        var now = clock.GetUtcNow();
        var client = await db.Clients.Where(c => c.Id == renegotiation.ClientId).Select(c => c.Name).FirstAsync(ct);
        if (!interested)
        {
            var why = reason?.Trim();
            if (string.IsNullOrEmpty(why) || why.Length > 500) return DomainError.Invalid("client-reason", "required-max", "500");
            renegotiation.ClientNotInterested(why, now);
            deal.MoveTo(Stage.Lost, 0, why, mayReopen: false, now);
            return renegotiation;
        }
        var offer = await db.Offers.Where(o => o.OpportunityId == dealId).OrderByDescending(o => o.Number).FirstOrDefaultAsync(ct);
        if (offer is null || offer.Status is not (OfferStatus.Approved or OfferStatus.SentToClient or OfferStatus.Accepted))
            return new DomainError("renegotiation-offer-not-approved");
        renegotiation.ContractChanged(now);
        if (deal.Stage != Stage.Won) deal.MoveTo(Stage.Won, pipeline.Value.ProbabilityOf(Stage.Won), null, mayReopen: false, now);
        // The contract and the operation change: Legal adjusts the contract, payroll the staffing.
        var told = await db.AreaContacts.Where(c => c.Area == Area.Legal || c.Area == Area.HumanResources).ToListAsync(ct);
        foreach (var contact in told)
        {
            var person = await db.People.FirstAsync(p => p.Id == contact.PersonId, ct);
            await notify.TellAsync(person, "renegotiations.changeNotice", [client, renegotiation.Requirement, offer.Number], ct);
        }
        return renegotiation;
    }
}

/// <summary>Sets who answers for an area (administrators).</summary>
public sealed class SetAreaContact(SalesBotDbContext db)
{
    public async Task<Result<(Area Area, Person Person)>> ExecuteAsync(Actor actor, string? area, string? email, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("areas.set");
        if (Areas.Codes.Parse(area) is not { } parsed) return DomainError.Invalid("area", "one-of", string.Join(", ", Areas.Codes.Codes));
        var wanted = (email ?? "").Trim().ToLowerInvariant();
        var person = await db.People.FirstOrDefaultAsync(p => p.Email.ToLower() == wanted, ct);
        if (person is null) return DomainError.NotFound("person", email ?? "");
        var contact = await db.AreaContacts.FirstOrDefaultAsync(c => c.Area == parsed, ct);
        if (contact is null) db.AreaContacts.Add(new AreaContact(parsed, person.Id));
        else contact.Set(person.Id);
        return (parsed, person);
    }
}
