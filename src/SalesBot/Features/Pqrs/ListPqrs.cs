namespace SalesBot.Features.Pqrs;

public sealed record PqrSummary(string FilingNumber, string ClientName, PqrType Type, DateOnly DueDate, PqrStatus Status, string? AssigneeName, bool? AnsweredOnTime,
    Shared.Calendar.CalendarChoice? Calendar = null);

/// <summary>Lists of PQRs: mine, the overdue ones I may see, one by radicado.</summary>
public sealed class ListPqrs(SalesBotDbContext db, Shared.Calendar.BusinessCalendar calendar, TimeProvider clock)
{
    /// <summary>Open PQRs past their due date (local), among those the actor may see, oldest due first.</summary>
    public async Task<Result<IReadOnlyList<PqrSummary>>> OverdueAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("pqrs.list");
        var today = calendar.LocalDate(clock.GetUtcNow());
        var team = await ActorTeam.OfAsync(db, actor, ct);
        var list = await PqrAccess.Visible(db, actor, team)
            .Where(p => p.Status != PqrStatus.Answered && p.Status != PqrStatus.Closed && p.DueDate < today)
            .OrderBy(p => p.DueDate)
            .Take(20)
            .Select(p => new PqrSummary(p.FilingNumber, db.Clients.Where(c => c.Id == p.ClientId).Select(c => c.Name).First(),
                p.Type, p.DueDate, p.Status, db.People.Where(x => x.Id == p.AssigneeId).Select(x => x.Name).FirstOrDefault(), p.AnsweredOnTime))
            .ToListAsync(ct);
        return list;
    }

    /// <summary>One PQR by radicado, if the actor may see it, with its client's name.</summary>
    public async Task<Result<(Pqr Pqr, string ClientName)>> FindAsync(Actor actor, string filingNumber, CancellationToken ct)
    {
        var team = await ActorTeam.OfAsync(db, actor, ct);
        var number = filingNumber.Trim();
        var pqr = await PqrAccess.Visible(db, actor, team).AsNoTracking().FirstOrDefaultAsync(p => p.FilingNumber == number, ct);
        if (pqr is null) return DomainError.NotFound("pqr", number);
        var client = await db.Clients.Where(c => c.Id == pqr.ClientId).Select(c => c.Name).FirstAsync(ct);
        return (pqr, client);
    }

    /// <param name="dueFrom">with <paramref name="dueTo"/>: only the open ones falling due in those days ("¿cuáles vencen esta semana?").</param>
    public async Task<Result<IReadOnlyList<PqrSummary>>> MineAsync(Actor actor, CancellationToken ct, DateOnly? dueFrom = null, DateOnly? dueTo = null)
    {
        if (actor.PersonId is not { } me) return DomainError.Forbidden("pqrs.list");
        var mine = db.Pqrs.Where(p => p.AssigneeId == me);
        if (dueFrom is { } from && dueTo is { } to)
            mine = mine.Where(p => p.Status != PqrStatus.Answered && p.Status != PqrStatus.Closed && p.DueDate >= from && p.DueDate <= to);
        var list = await mine
            .OrderBy(p => p.Status == PqrStatus.Answered || p.Status == PqrStatus.Closed)
            .ThenBy(p => p.DueDate)
            .Take(20)
            .Select(p => new PqrSummary(p.FilingNumber, db.Clients.Where(c => c.Id == p.ClientId).Select(c => c.Name).First(),
                p.Type, p.DueDate, p.Status, null, p.AnsweredOnTime,
                new Shared.Calendar.CalendarChoice(p.CalendarCountry, p.CalendarSubdivision, p.CalendarTimeZone)))
            .ToListAsync(ct);
        return list;
    }
}
