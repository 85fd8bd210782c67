namespace SalesBot.Features.Visits;

/// <summary>One executive's month: visits done against the plan (PRODUCT.md: compliance = done / planned).</summary>
public sealed record ComplianceRow(Guid PersonId, string Name, int Done, int Scheduled, int? Planned)
{
    /// <summary>Done / planned in percent; null without a plan.</summary>
    public decimal? Rate => Planned is > 0 ? Math.Round(100m * Done / Planned.Value, 1) : null;
}

/// <summary>
/// The monthly visit plan and its compliance. An executive sets their own plan; a team lead sets
/// their team's; administrators anyone's. Compliance is read by the same visibility as visits.
/// </summary>
public sealed class VisitCompliance(SalesBotDbContext db, Shared.Calendar.BusinessCalendar business, TimeProvider clock)
{
    public async Task<Result<VisitPlan>> SetPlanAsync(Actor actor, Guid ownerId, int year, int month, int planned, CancellationToken ct)
    {
        if (planned is < 0 or > 500) return DomainError.Invalid("visit-plan", "between", "0", "500");
        var owner = await db.People.FirstOrDefaultAsync(p => p.Id == ownerId, ct);
        if (owner is null) return DomainError.NotFound("person", ownerId.ToString());
        if (!VisitAccess.MayManage(actor, await ActorTeam.OfAsync(db, actor, ct), owner.Id, owner.TeamId) || actor.PersonId is null && !actor.Has(Role.Admin))
            return DomainError.Forbidden("visits.plan");
        // An import may set the same month twice before it saves: the plan it already added counts.
        var plan = db.VisitPlans.Local.FirstOrDefault(p => p.OwnerId == ownerId && p.Year == year && p.Month == month)
            ?? await db.VisitPlans.FirstOrDefaultAsync(p => p.OwnerId == ownerId && p.Year == year && p.Month == month, ct);
        var by = actor.PersonId ?? owner.Id;
        if (plan is null) db.VisitPlans.Add(plan = new VisitPlan(ownerId, year, month, planned, by, clock.GetUtcNow()));
        else plan.Set(planned, by, clock.GetUtcNow());
        return plan;
    }

    /// <summary>Compliance for the month: the actor's own, or everyone they may see (team leads, directors).</summary>
    public async Task<Result<IReadOnlyList<ComplianceRow>>> ForMonthAsync(Actor actor, int year, int month, bool team, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("visits.compliance");
        var from = new DateOnly(year, month, 1);
        var start = business.StartOf(from);
        var end = business.StartOf(from.AddMonths(1));
        var actorTeam = await ActorTeam.OfAsync(db, actor, ct);
        var people = db.People.Where(p => (p.Roles & Role.Executive) == Role.Executive || (p.Roles & Role.TeamLead) == Role.TeamLead);
        if (!team || !(actor.Has(Role.TeamLead) || VisitAccess.SeesAll(actor))) people = people.Where(p => p.Id == actor.PersonId);
        else if (!VisitAccess.SeesAll(actor)) people = people.Where(p => p.Id == actor.PersonId || (actorTeam != null && p.TeamId == actorTeam));
        return await people.OrderBy(p => p.Name)
            .Select(p => new ComplianceRow(p.Id, p.Name,
                db.Visits.Count(v => v.OwnerId == p.Id && v.Status == VisitStatus.Done && v.Start >= start && v.Start < end),
                db.Visits.Count(v => v.OwnerId == p.Id && v.Status == VisitStatus.Scheduled && v.Start >= start && v.Start < end),
                db.VisitPlans.Where(v => v.OwnerId == p.Id && v.Year == year && v.Month == month).Select(v => (int?)v.Planned).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>The month the organisation is in now.</summary>
    public (int Year, int Month) CurrentMonth()
    {
        var today = business.LocalDate(clock.GetUtcNow());
        return (today.Year, today.Month);
    }

}
