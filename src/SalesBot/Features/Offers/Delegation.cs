using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Offers;

/// <summary>While someone is away (From..Until, local dates), the approvals asked of them go to their deputy.</summary>
public sealed class Delegation : IAudited
{
    private Delegation() { }

    public Delegation(Guid personId, Guid deputyId, DateOnly from, DateOnly until, DateTimeOffset at)
    {
        Id = NewId.Next();
        PersonId = personId;
        DeputyId = deputyId;
        From = from;
        Until = until;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid DeputyId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly Until { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Back early: the delegation ends yesterday.</summary>
    public void End(DateOnly today) => Until = today.AddDays(-1);
}

/// <summary>
/// "delegar aprobaciones en Megan Bowen hasta 30/11": approvers (team leads, directors) name a deputy
/// for up to 60 days; "ya volví" ends it. The deputy decides what would have been asked of them.
/// </summary>
public sealed class Delegations(SalesBotDbContext db, BusinessCalendar calendar, TimeProvider clock)
{
    public const int MaxDays = 60;

    public async Task<Result<(Delegation Delegation, Person Deputy)>> DelegateAsync(Actor actor, string? deputyName, DateOnly until, CancellationToken ct)
    {
        if (actor.PersonId is not { } me || !(actor.Has(Role.TeamLead) || actor.Has(Role.CommercialDirector) || actor.Has(Role.GeneralDirector)))
            return DomainError.Forbidden("offers.delegate");
        var today = calendar.LocalDate(clock.GetUtcNow());
        if (until < today || until > today.AddDays(MaxDays)) return DomainError.Invalid("until", "between-days", MaxDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var folded = TextFolding.Fold(deputyName ?? "");
        if (folded.Length == 0) return DomainError.Invalid("deputy", "deputy");
        var people = await db.People.ToListAsync(ct);
        var matches = people.Where(p => p.Id != me && TextFolding.Fold(p.Name).Contains(folded, StringComparison.Ordinal)).ToList();
        if (matches.Count != 1) return DomainError.Invalid("deputy", "deputy");
        foreach (var current in await db.Delegations.Where(d => d.PersonId == me && d.Until >= today).ToListAsync(ct)) current.End(today);
        var delegation = new Delegation(me, matches[0].Id, today, until, clock.GetUtcNow());
        db.Delegations.Add(delegation);
        return (delegation, matches[0]);
    }

    public async Task<Result<int>> EndAsync(Actor actor, CancellationToken ct)
    {
        if (actor.PersonId is not { } me) return DomainError.Forbidden("offers.delegate");
        var today = calendar.LocalDate(clock.GetUtcNow());
        var active = await db.Delegations.Where(d => d.PersonId == me && d.Until >= today).ToListAsync(ct);
        foreach (var d in active) d.End(today);
        return active.Count;
    }

    /// <summary>Who decides for <paramref name="approver"/> today: their deputy while they are away (never the requester), else themself.</summary>
    public async Task<(Person Person, bool Deputy)> StandInAsync(Person approver, Guid requesterId, CancellationToken ct)
    {
        var today = calendar.LocalDate(clock.GetUtcNow());
        var delegation = await db.Delegations.Where(d => d.PersonId == approver.Id && d.From <= today && d.Until >= today)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(ct);
        if (delegation is null || delegation.DeputyId == requesterId) return (approver, false);
        return (await db.People.FirstAsync(p => p.Id == delegation.DeputyId, ct), true);
    }
}
