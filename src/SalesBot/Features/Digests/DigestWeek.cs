using System.Globalization;

namespace SalesBot.Features.Digests;

/// <summary>
/// When a subscription's digest is owed: the latest occurrence of its day and hour (in its time
/// zone) not after now, keyed by the ISO week of that local date. It is due from that moment for
/// the catch-up window, never after the next occurrence, and never for a week that began before the
/// subscription was made (subscribing on Monday at 10:00 to Monday 08:00 starts next week).
/// </summary>
public static class DigestWeek
{
    public sealed record Occurrence(DateTimeOffset At, DateOnly LocalDate, string Period);

    /// <summary>The occurrence of the slot at or before <paramref name="now"/>.</summary>
    public static Occurrence Latest(DigestSlot slot, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var back = ((int)date.DayOfWeek - (int)slot.Day + 7) % 7;
        var day = date.AddDays(-back);
        var at = AtLocal(day, slot.Hour, zone);
        if (at > now)
        {
            day = day.AddDays(-7);
            at = AtLocal(day, slot.Hour, zone);
        }
        return new Occurrence(at, day, PeriodOf(day));
    }

    /// <summary>The occurrence owed now, or null: none within the window, or one from before the subscription.</summary>
    public static Occurrence? Due(DigestSubscription subscription, TimeZoneInfo zone, DateTimeOffset now, TimeSpan catchUpWindow) =>
        Due(subscription.Slot, subscription.SubscribedAt, zone, now, catchUpWindow);

    /// <param name="since">when the slot was chosen: an occurrence before it is not owed.</param>
    public static Occurrence? Due(DigestSlot slot, DateTimeOffset since, TimeZoneInfo zone, DateTimeOffset now, TimeSpan catchUpWindow)
    {
        var latest = Latest(slot, zone, now);
        if (latest.At < since) return null;
        return now - latest.At < catchUpWindow ? latest : null;
    }

    /// <summary>"2026-W49": the ISO week of the scheduled local date.</summary>
    public static string PeriodOf(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}");

    /// <summary>A local wall time as an instant; a time skipped by a daylight-saving jump is taken an hour later.</summary>
    private static DateTimeOffset AtLocal(DateOnly day, TimeOnly hour, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(hour);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
