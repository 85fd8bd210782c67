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
    [InlineData("hoy", "2026-11-23", "2026-11-23")]
    [InlineData("mañana", "2026-11-24", "2026-11-24")]
    [InlineData("esta semana", "2026-11-23", "2026-11-29")]
    [InlineData("próxima semana", "2026-11-30", "2026-12-06")]
    [InlineData("del 01/11 al 15/11", "2026-11-01", "2026-11-15")]
    [InlineData("2026-10-25 a 2026-11-05", "2026-10-25", "2026-11-05")]
    [InlineData("from 28/12/2026 to 3/1/2027", "2026-12-28", "2027-01-03")]
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
    [InlineData("del 15/11 al 01/11")]
    [InlineData("del 31/02 al 15/03")]
    public void Anything_else_is_no_period(string text) => Assert.Null(ReportingPeriod.Parse(text, Today));

    [Theory]
    [InlineData("diciembre", "2026-12-01")]
    [InlineData("noviembre", "2026-11-01")]
    [InlineData("octubre", "2027-10-01")]
    public void For_plans_and_agendas_a_month_alone_is_the_next_one_not_over(string text, string from) =>
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), ReportingPeriod.Parse(text, Today, upcoming: true)!.From);

    [Fact]
    public void A_day_without_a_year_is_in_the_organisations_year() =>
        Assert.Equal(new DateOnly(2028, 2, 29), ReportingPeriod.Parse("del 28/02 al 29/02", new DateOnly(2028, 1, 10))!.To);

    [Fact]
    public void A_January_last_month_is_the_previous_December() =>
        Assert.Equal(new DateOnly(2025, 12, 1), ReportingPeriod.Parse("mes pasado", new DateOnly(2026, 1, 15))!.From);
}
