using SalesBot.Features.Shared;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Digests;

/// <summary>
/// An executive's own nudges: when they come and which kinds («mis avisos»), and a deal snoozed a
/// week from a nudge's button. Each person changes only their own; only their own deals snooze.
/// </summary>
public sealed class NudgePreferences(SalesBotDbContext db, BuildNudges build, BusinessCalendar calendar, TimeProvider clock)
{
    public async Task<Result<NudgeSettings>> ReadAsync(Actor actor, CancellationToken ct)
    {
        if (actor.PersonId is not { } me || (actor.Roles & Role.Executive) == 0) return DomainError.Forbidden("digests.nudges");
        return await db.NudgeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.PersonId == me, ct) ?? new NudgeSettings(me);
    }

    /// <summary>This week's nudge now, of the kinds the executive keeps on («mis avisos ahora»).</summary>
    public async Task<Result<Nudges>> NowAsync(Actor actor, CancellationToken ct)
    {
        var settings = await ReadAsync(actor, ct);
        if (!settings.Ok) return settings.Error!;
        return await build.ExecuteAsync(actor.PersonId!.Value, settings.Value!.Kinds, clock.GetUtcNow(), ct);
    }

    public async Task<Result<NudgeSettings>> ChangeAsync(Actor actor, DigestSlot slot, NudgeKinds kinds, CancellationToken ct)
    {
        if (actor.PersonId is not { } me || (actor.Roles & Role.Executive) == 0) return DomainError.Forbidden("digests.nudges");
        var settings = await db.NudgeSettings.FirstOrDefaultAsync(s => s.PersonId == me, ct);
        if (settings is null) db.NudgeSettings.Add(settings = new NudgeSettings(me));
        settings.Change(slot, kinds, clock.GetUtcNow());
        return settings;
    }

    /// <summary>Leaves the deal out of the nudges and next-step reminders for a week; returns the day it comes back.</summary>
    public async Task<Result<(string Deal, DateOnly Until)>> SnoozeAsync(Actor actor, Guid dealId, CancellationToken ct)
    {
        if (actor.PersonId is not { } me) return DomainError.Forbidden("digests.nudges");
        var deal = await db.Opportunities.AsNoTracking().Where(o => o.Id == dealId).Select(o => new { o.OwnerId, o.Title }).FirstOrDefaultAsync(ct);
        // Someone else's deal reads like one that does not exist.
        if (deal is null || deal.OwnerId != me) return DomainError.NotFound("opportunity", dealId.ToString("D"));
        var until = calendar.LocalDate(clock.GetUtcNow()).AddDays(7);
        var snooze = await db.NudgeSnoozes.FirstOrDefaultAsync(s => s.OpportunityId == dealId, ct);
        if (snooze is null) db.NudgeSnoozes.Add(new NudgeSnooze(dealId, until));
        else snooze.Extend(until);
        return (deal.Title, until);
    }
}
