using SalesBot.Features.Shared;

namespace SalesBot.Features.Digests;

/// <summary>A subscription and its team's name, as shown.</summary>
public sealed record DigestSubscriptionView(DigestSubscription Subscription, string TeamName);

/// <summary>
/// Subscribing a channel to a team's weekly digest, cancelling it, and reading what a channel
/// carries. Who may: an administrator or a commercial director for any team, a team lead for their
/// own. The team is the one named, else the channel's linked team, else the team lead's own.
/// </summary>
public sealed class DigestSubscriptions(SalesBotDbContext db, IOptions<OrganizationOptions> organization, TimeProvider clock)
{
    public const int MaxTeamNameLength = 200;

    public async Task<Result<DigestSubscription>> SubscribeAsync(Actor actor, string channelId, string? teamName, DigestSlot slot, string language, CancellationToken ct)
    {
        var team = await TeamAsync(actor, channelId, teamName, ct);
        if (!team.Ok) return team.Error!;
        var zone = team.Value!.TimeZone ?? organization.Value.TimeZone;
        var now = clock.GetUtcNow();
        var existing = await db.DigestSubscriptions.FirstOrDefaultAsync(s => s.TeamId == team.Value.Id && s.ChannelId == channelId, ct);
        if (existing is null)
        {
            existing = new DigestSubscription(team.Value.Id, channelId, slot, zone, language, actor.PersonId, now);
            db.DigestSubscriptions.Add(existing);
        }
        else
        {
            existing.Reschedule(slot, zone, language, actor.PersonId, now);
        }
        return existing;
    }

    public async Task<Result<DigestSubscription>> CancelAsync(Actor actor, string channelId, string? teamName, CancellationToken ct)
    {
        var team = await TeamAsync(actor, channelId, teamName, ct);
        if (!team.Ok) return team.Error!;
        var existing = await db.DigestSubscriptions.FirstOrDefaultAsync(s => s.TeamId == team.Value!.Id && s.ChannelId == channelId && s.EndedAt == null, ct);
        if (existing is null) return DomainError.NotFound("digest", team.Value!.Name);
        existing.End("cancelled", clock.GetUtcNow());
        return existing;
    }

    /// <summary>The team whose digest may be posted here now ("resumen semanal ahora"), with the same rules as subscribing.</summary>
    public async Task<Result<Team>> TeamAsync(Actor actor, string channelId, string? teamName, CancellationToken ct)
    {
        if ((actor.Roles & (Role.Admin | Role.CommercialDirector | Role.TeamLead)) == 0) return DomainError.Forbidden("digests.manage");
        Team? team;
        if (!string.IsNullOrWhiteSpace(teamName))
        {
            if (teamName.Length > MaxTeamNameLength) return DomainError.Invalid("team", "max", MaxTeamNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var folded = TextFolding.Fold(teamName);
            var teams = await db.Teams.ToListAsync(ct);
            team = teams.FirstOrDefault(t => TextFolding.Fold(t.Name) == folded)
                   ?? teams.Where(t => TextFolding.Fold(t.Name).Contains(folded, StringComparison.Ordinal)).Take(2).ToList() switch { [var only] => only, _ => null };
            if (team is null) return DomainError.NotFound("team", teamName);
        }
        else
        {
            team = await db.Teams.FirstOrDefaultAsync(t => t.ChannelConversationId == channelId, ct)
                   ?? (actor.PersonId is { } me ? await db.People.Where(p => p.Id == me && p.Team != null).Select(p => p.Team).FirstOrDefaultAsync(ct) : null);
            if (team is null) return DomainError.Invalid("team", "digest-team");
        }
        if ((actor.Roles & (Role.Admin | Role.CommercialDirector)) == 0)
        {
            var own = actor.PersonId is { } me ? await db.People.Where(p => p.Id == me).Select(p => p.TeamId).FirstOrDefaultAsync(ct) : null;
            if (own != team.Id) return DomainError.Forbidden("digests.otherTeam");
        }
        return team;
    }

    public async Task<IReadOnlyList<DigestSubscriptionView>> InChannelAsync(string channelId, CancellationToken ct) =>
        await (from s in db.DigestSubscriptions.AsNoTracking()
               where s.ChannelId == channelId && s.EndedAt == null
               join t in db.Teams on s.TeamId equals t.Id
               orderby t.Name
               select new DigestSubscriptionView(s, t.Name)).ToListAsync(ct);

    public async Task<IReadOnlyList<DigestSubscriptionView>> AllAsync(CancellationToken ct) =>
        await (from s in db.DigestSubscriptions.AsNoTracking()
               join t in db.Teams on s.TeamId equals t.Id
               orderby t.Name, s.ChannelId
               select new DigestSubscriptionView(s, t.Name)).ToListAsync(ct);
}
