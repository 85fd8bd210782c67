namespace SalesBot.Features.Pqrs;

/// <summary>
/// Hands an open PQR to someone else, who is told with the PQR's card. A team lead moves their
/// team's PQRs between the people of the team; commercial directors and administrators move any
/// PQR to any executive or team lead. The due date does not move: the legal term runs from filing.
/// </summary>
public sealed class ReassignPqr(SalesBotDbContext db, TimeProvider clock, IPqrNotifications notifications, PqrReassignmentPolicy policy)
{
    public async Task<Result<(Pqr Pqr, Person Assignee)>> ExecuteAsync(Actor actor, string filingNumber, string? assigneeId, CancellationToken ct)
    {
        var pqr = await db.Pqrs.FirstOrDefaultAsync(p => p.FilingNumber == filingNumber, ct);
        // Someone who may not reassign it learns no more than if it did not exist.
        var scope = pqr is null ? null : await policy.ScopeAsync(actor, pqr, ct);
        if (pqr is null || scope is null) return DomainError.NotFound("pqr", filingNumber);
        if (pqr.IsAnswered) return new DomainError("pqr-answered", pqr.FilingNumber);
        if (!Guid.TryParse(assigneeId, out var id)) return DomainError.Invalid("assignee", "assignee");

        var assignee = await scope.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (assignee is null) return DomainError.Invalid("assignee", "assignee");
        if (assignee.Id == pqr.AssigneeId) return new DomainError("pqr-same-assignee", pqr.FilingNumber, assignee.Name);

        var client = await db.Clients.FirstAsync(c => c.Id == pqr.ClientId, ct);
        pqr.AssignTo(assignee.Id, clock.GetUtcNow());
        await notifications.AssignedAsync(pqr, client, assignee, ct);
        return (pqr, assignee);
    }
}

/// <summary>Who may hand a PQR to whom (see <see cref="ReassignPqr"/>); also what the cards offer.</summary>
public sealed class PqrReassignmentPolicy(SalesBotDbContext db)
{
    /// <summary>Whom the actor may give this PQR to (empty when they may not reassign it), by name.</summary>
    public async Task<IReadOnlyList<Person>> CandidatesAsync(Actor actor, Pqr pqr, CancellationToken ct)
    {
        if (pqr.IsAnswered || await ScopeAsync(actor, pqr, ct) is not { } scope) return [];
        return await scope.Where(p => p.Id != pqr.AssigneeId).OrderBy(p => p.Name).ToListAsync(ct);
    }

    /// <summary>The people the actor may assign this PQR to, or null when the actor may not reassign it.</summary>
    public async Task<IQueryable<Person>?> ScopeAsync(Actor actor, Pqr pqr, CancellationToken ct)
    {
        var answerers = db.People.Where(p => (p.Roles & Role.Executive) == Role.Executive || (p.Roles & Role.TeamLead) == Role.TeamLead);
        if (actor.Has(Role.Admin) || actor.Has(Role.CommercialDirector)) return answerers;
        if (!actor.Has(Role.TeamLead) || await ActorTeam.OfAsync(db, actor, ct) is not { } team) return null;
        // An unassigned PQR (no executive was found) belongs to the team of its client's owner; with
        // no owner, only directors and administrators place it.
        var pqrTeam = pqr.AssigneeId is { } current
            ? await db.People.Where(p => p.Id == current).Select(p => p.TeamId).FirstOrDefaultAsync(ct)
            : await db.Clients.Where(c => c.Id == pqr.ClientId)
                .Join(db.People, c => c.OwnerId, p => (Guid?)p.Id, (c, p) => p.TeamId).FirstOrDefaultAsync(ct);
        return pqrTeam is not null && pqrTeam == team ? answerers.Where(p => p.TeamId == team) : null;
    }
}
