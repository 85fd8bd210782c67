using SalesBot.Features.Shared;

namespace SalesBot.Tests.Calendar;

public sealed class ReportingPeriodTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("", "2026-11-01", "2026-11-30")]
    [InlineData("este mes", "2026-11-01", "2026-11-30")]
    [InlineData("octubre", "2026-10-01", "2026-10-31")]
    [InlineData("de Octubre", "2026-10-01", "2026-10-31")]
    [InlineData("diciembre", "2025-12-01", "2025-12-31")] // not begun yet this year: last year's
    [InlineData("february", "2026-02-01", "2026-02-28")]
    [InlineData("febrero 2024", "2024-02-01", "2024-02-29")]
    [InlineData("2026-04", "2026-04-01", "2026-04-30")]
    [InlineData("mes pasado", "2026-10-01", "2026-10-31")]
    [InlineData("last month", "2026-10-01", "2026-10-31")]
    [InlineData("este año", "2026-01-01", "2026-12-31")]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    public void Periods_are_read_as_people_say_them(string text, string from, string to)
    {
        var period = ReportingPeriod.Parse(text, Today);

        Assert.NotNull(period);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
    }

    [Theory]
    [InlineData("cuando quieras")]
    [InlineData("2026-13")]
    [InlineData("octubre y noviembre")]
    [InlineData("1999")]
    public void Anything_else_is_no_period(string text) => Assert.Null(ReportingPeriod.Parse(text, Today));

    [Fact]
    public void A_January_last_month_is_the_previous_December() =>
        Assert.Equal(new DateOnly(2025, 12, 1), ReportingPeriod.Parse("mes pasado", new DateOnly(2026, 1, 15))!.From);
}
