using Microsoft.EntityFrameworkCore;
using SalesBot.Features.Organization;
using SalesBot.Features.Shared;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Features.Pqrs;

public sealed record PqrSummary(string FilingNumber, string ClientName, PqrType Type, DateOnly DueDate, PqrStatus Status, string? AssigneeName, bool? AnsweredOnTime);

/// <summary>"mis pqr": the PQRs assigned to the actor, open ones first by due date.</summary>
public sealed class ListPqrs(SalesBotDbContext db)
{
    public async Task<Result<IReadOnlyList<PqrSummary>>> MineAsync(Actor actor, CancellationToken ct)
    {
        if (actor.PersonId is not { } me) return DomainError.Forbidden("pqrs.list");
        var list = await db.Pqrs.Where(p => p.AssigneeId == me)
            .OrderBy(p => p.Status == PqrStatus.Answered || p.Status == PqrStatus.Closed)
            .ThenBy(p => p.DueDate)
            .Take(20)
            .Select(p => new PqrSummary(p.FilingNumber, db.Clients.Where(c => c.Id == p.ClientId).Select(c => c.Name).First(),
                p.Type, p.DueDate, p.Status, null, p.AnsweredOnTime))
            .ToListAsync(ct);
        return list;
    }
}
