using Microsoft.EntityFrameworkCore;
using SalesBot.Features.Shared;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Features.Organization;

/// <summary>Creates a sales team. Only administrators may; names are unique.</summary>
public sealed class AddTeam(SalesBotDbContext db)
{
    public async Task<Result<Team>> ExecuteAsync(Actor actor, string name, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("teams.add");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
            return DomainError.Invalid("name", "required, at most 100 characters");
        var trimmed = name.Trim();
        if (await db.Teams.AnyAsync(t => t.Name == trimmed, ct)) return DomainError.Conflict("team", trimmed);

        var team = new Team(trimmed);
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return team;
    }
}
