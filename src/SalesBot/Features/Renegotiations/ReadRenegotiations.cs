namespace SalesBot.Features.Renegotiations;

/// <summary>One of my renegotiations, as "renegociaciones" lists it.</summary>
public sealed record RenegotiationSummary(string ClientName, RenegotiationStatus Status, string? Reasons);

/// <summary>A consultation waiting for an area's answer, with what its card shows.</summary>
public sealed record WaitingConsultation(AreaConsultation Consultation, Renegotiation Renegotiation, string ClientName, string RequesterName);

/// <summary>What a person sees of renegotiations: those they asked for, and the consultations waiting for their answer.</summary>
public sealed class ReadRenegotiations(SalesBotDbContext db)
{
    public const int MaxListed = 10;
    public const int MaxWaiting = 5;

    public async Task<IReadOnlyList<RenegotiationSummary>> MineAsync(Actor actor, CancellationToken ct) =>
        actor.PersonId is not { } me ? [] : await db.Renegotiations.AsNoTracking().Where(r => r.RequesterId == me).OrderByDescending(r => r.CreatedAt).Take(MaxListed)
            .Select(r => new RenegotiationSummary(db.Clients.Where(c => c.Id == r.ClientId).Select(c => c.Name).First(), r.Status, r.Reasons))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<WaitingConsultation>> WaitingForAsync(Actor actor, CancellationToken ct) =>
        actor.PersonId is not { } me ? [] : await db.AreaConsultations.AsNoTracking().Where(c => c.PersonId == me && c.Viable == null)
            .Join(db.Renegotiations.Where(r => r.Status == RenegotiationStatus.Consulting), c => c.RenegotiationId, r => r.Id, (c, r) => new { c, r })
            .OrderBy(w => w.r.CreatedAt).Take(MaxWaiting)
            .Select(w => new WaitingConsultation(w.c, w.r, db.Clients.Where(c => c.Id == w.r.ClientId).Select(c => c.Name).First(),
                db.People.Where(p => p.Id == w.r.RequesterId).Select(p => p.Name).First()))
            .ToListAsync(ct);
}
