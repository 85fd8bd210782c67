using SalesBot.Features.Clients;

namespace SalesBot.Features.Pqrs;

public sealed record PqrSummary(string FilingNumber, string ClientName, PqrType Type, DateOnly DueDate, PqrStatus Status, string? AssigneeName, bool? AnsweredOnTime,
    Shared.Calendar.CalendarChoice? Calendar = null);

/// <summary>A PQR as a card shared in any conversation may show it: radicado, type and due date; never its text or the customer's data.</summary>
public sealed record SharedPqr(Guid Id, string FilingNumber, PqrType Type, DateOnly DueDate);

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

    /// <summary>One PQR by id, if the actor may see it, with its client's name (a record link's button names it by id).</summary>
    public async Task<Result<(Pqr Pqr, string ClientName)>> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var team = await ActorTeam.OfAsync(db, actor, ct);
        var pqr = await PqrAccess.Visible(db, actor, team).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pqr is null) return DomainError.NotFound("pqr", id.ToString());
        var client = await db.Clients.Where(c => c.Id == pqr.ClientId).Select(c => c.Name).FirstAsync(ct);
        return (pqr, client);
    }

    /// <summary>
    /// A page of the visible PQRs whose radicado starts with what was typed or whose client's name
    /// has every word (all visible ones when nothing is typed), open ones first by due date, as a
    /// shared card shows them: the message extension's search.
    /// </summary>
    public async Task<Result<IReadOnlyList<SharedPqr>>> ForSharingAsync(Actor actor, string? query, int skip, int take, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("pqrs.list");
        var visible = PqrAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct));
        var typed = query?.Trim() ?? "";
        if (typed.Length > 0)
        {
            var terms = SearchTerms.Parse(typed);
            // Radicados compared in capitals on both providers (SQLite's LIKE ignores ASCII case, PostgreSQL's does not).
            var number = typed.ToUpperInvariant();
            var clients = db.Clients.Where(terms.AllMatch<Client>((c, term) => c.NormalizedName.Contains(term))).Select(c => c.Id);
            visible = terms.IsEmpty
                ? visible.Where(p => p.FilingNumber.ToUpper().StartsWith(number))
                : visible.Where(p => p.FilingNumber.ToUpper().StartsWith(number) || clients.Contains(p.ClientId));
        }
        return await visible.OrderBy(p => p.Status == PqrStatus.Answered || p.Status == PqrStatus.Closed).ThenBy(p => p.DueDate).ThenBy(p => p.Id)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 50))
            .Select(p => new SharedPqr(p.Id, p.FilingNumber, p.Type, p.DueDate)).ToListAsync(ct);
    }

    /// <summary>The PQR with this id as a shared card shows it, when the actor may see it.</summary>
    public async Task<Result<SharedPqr>> ForSharingByIdAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("pqrs.list");
        var visible = PqrAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct));
        var found = await visible.Where(p => p.Id == id).Select(p => new SharedPqr(p.Id, p.FilingNumber, p.Type, p.DueDate)).FirstOrDefaultAsync(ct);
        return found is null ? DomainError.NotFound("pqr", id.ToString()) : found;
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
