using SalesBot.Features.Digests;

namespace SalesBot.Tests.Digests;

/// <summary>When a subscription's digest is owed: its slot's latest occurrence, keyed by ISO week, within the catch-up window.</summary>
public sealed class DigestWeekTests
{
    private static readonly TimeZoneInfo Bogota = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private static DigestSubscription Subscription(DateTimeOffset at, DigestSlot? slot = null) =>
        new(Guid.NewGuid(), "19:c@thread.tacv2", slot ?? DigestSlot.Default, "America/Bogota", "es", null, at);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void Not_before_the_hour_then_due_for_the_window_and_keyed_by_the_iso_week()
    {
        var subscription = Subscription(Local(11, 20, 9));
        // At 07:59 the latest Monday 08:00 is a week old: past the window, and this week's is not due yet.
        Assert.Null(DigestWeek.Due(subscription, Bogota, Local(11, 30, 7, 59), Window));
        var due = DigestWeek.Due(subscription, Bogota, Local(11, 30, 8), Window);
        Assert.NotNull(due);
        Assert.Equal("2026-W49", due.Period);
        Assert.Equal(Local(11, 30, 8), due.At);
        Assert.Equal("2026-W49", DigestWeek.Due(subscription, Bogota, Local(12, 1, 7, 59), Window)?.Period);
        Assert.Null(DigestWeek.Due(subscription, Bogota, Local(12, 1, 8), Window));
    }

    [Fact]
    public void A_week_that_began_before_the_subscription_is_not_owed()
    {
        var subscription = Subscription(Local(11, 30, 10));
        Assert.Null(DigestWeek.Due(subscription, Bogota, Local(11, 30, 10, 5), Window));
        Assert.Equal("2026-W50", DigestWeek.Due(subscription, Bogota, Local(12, 7, 8), Window)?.Period);
    }

    [Fact]
    public void The_period_is_the_iso_week_of_the_local_date_across_the_year_end()
    {
        Assert.Equal("2026-W53", DigestWeek.PeriodOf(new DateOnly(2026, 12, 28)));
        Assert.Equal("2026-W53", DigestWeek.PeriodOf(new DateOnly(2027, 1, 3)));
        Assert.Equal("2027-W01", DigestWeek.PeriodOf(new DateOnly(2027, 1, 4)));
        // Friday 17:00 in Bogotá is Friday 22:00 UTC: the local date decides.
        var friday = DigestWeek.Latest(new DigestSlot(DayOfWeek.Friday, new TimeOnly(17, 0)), Bogota, Local(12, 5, 18));
        Assert.Equal(new DateOnly(2026, 12, 4), friday.LocalDate);
    }

    [Fact]
    public void A_slot_skipped_by_a_daylight_saving_jump_is_taken_an_hour_later()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // Sunday 8 March 2026, 02:30 does not exist in New York: clocks went from 02:00 to 03:00.
        var at = DigestWeek.Latest(new DigestSlot(DayOfWeek.Sunday, new TimeOnly(2, 30)), newYork, new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero), at.At);
    }
}
