using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Features.Digests;

/// <summary>
/// A digest the channel refused for good with 403 or 404 (the bot was removed from the team, or
/// the channel deleted) ends its subscription, and the person who made it is told in their 1:1
/// chat how to get it back. Other failures keep the subscription: next week tries again.
/// </summary>
public sealed class DigestChannelGone(SalesBotDbContext db, IDigestDelivery delivery, TimeProvider clock, ILogger<DigestChannelGone> logger) : IFailedSendListener
{
    public async Task FailedAsync(string trackingKey, string error, CancellationToken ct)
    {
        // "digest:{subscription id, N format}:{ISO week}", as DigestScheduler tracks its posts.
        var parts = trackingKey.Split(':');
        if (parts.Length != 3 || parts[0] != "digest" || !Guid.TryParseExact(parts[1], "N", out var id)) return;
        if (!error.StartsWith("403", StringComparison.Ordinal) && !error.StartsWith("404", StringComparison.Ordinal)) return;
        var subscription = await db.DigestSubscriptions.FirstOrDefaultAsync(s => s.Id == id && s.EndedAt == null, ct);
        if (subscription is null) return;
        subscription.End("channel-gone", clock.GetUtcNow());
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == subscription.TeamId).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? "";
        if (subscription.SubscribedById is { } by && await db.People.Include(p => p.Team).FirstOrDefaultAsync(p => p.Id == by, ct) is { } person)
            await delivery.ChannelGoneAsync(person, team, ct);
        await db.SaveChangesAsync(ct);
        logger.LogWarning("The weekly digest of team {Team} ended: its channel refused the post ({Status})", team, error[..3]);
    }
}
