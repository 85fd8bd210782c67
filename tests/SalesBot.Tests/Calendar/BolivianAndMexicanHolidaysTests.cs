using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Tests.Calendar;

public class BolivianAndMexicanHolidaysTests
{
    // Bolivia: the days the supreme decrees' rules give (21 June 2026 is a Sunday, rested on Monday 22),
    // computed independently (python-dateutil's Easter, Sunday to Monday, 2 November never moved)
    // and cross-checked with python-holidays' data; no official list could be fetched from here.
    [Theory]
    [InlineData(2024, "01-01 01-22 02-12 02-13 03-29 05-01 05-30 06-21 08-06 11-02 12-25")]
    [InlineData(2025, "01-01 01-22 03-03 03-04 04-18 05-01 06-19 06-21 08-06 11-02 12-25")]
    [InlineData(2026, "01-01 01-22 02-16 02-17 04-03 05-01 06-04 06-22 08-06 11-02 12-25")]
    [InlineData(2027, "01-01 01-22 02-08 02-09 03-26 05-01 05-27 06-21 08-06 11-02 12-25")]
    [InlineData(2028, "01-01 01-22 02-28 02-29 04-14 05-01 06-15 06-21 08-07 11-02 12-25")]
    [InlineData(2029, "01-01 01-22 02-12 02-13 03-30 05-01 05-31 06-21 08-06 11-02 12-25")]
    [InlineData(2030, "01-01 01-22 03-04 03-05 04-19 05-01 06-20 06-21 08-06 11-02 12-25")]
    public void Bolivias_national_holidays_fall_on_the_right_days(int year, string expected) =>
        Assert.Equal(expected, string.Join(' ', new BolivianHolidays().For(year).Select(h => h.Date.ToString("MM-dd"))));

    [Theory]
    [InlineData("BO-C", 2026, "09-14")]
    [InlineData("BO-L", 2027, "07-16")]
    [InlineData("BO-S", 2028, "09-24")]
    [InlineData("BO-O", 2026, "02-13")] // the Friday of Carnival
    [InlineData("BO-T", 2029, "04-15")]
    [InlineData("BO-H", 2030, "05-25")]
    [InlineData("BO-P", 2024, "11-10")]
    [InlineData("BO-B", 2025, "11-18")]
    [InlineData("BO-N", 2026, "10-11")]
    public void Each_department_adds_its_own_day_and_only_there(string department, int year, string day)
    {
        var rules = new BolivianHolidays();
        var national = rules.For(year).Select(h => h.Date).ToHashSet();
        var regional = rules.For(year, department).Select(h => h.Date).Except(national).Single();
        Assert.Equal(day, regional.ToString("MM-dd"));
        Assert.Equal(12, rules.For(year, department).Count);
    }

    // Mexico: LFT art. 74 (first and third Mondays; 1 October every six years from 2024), without
    // the election days of fraction IX, which are corrections (holidays/MX.json).
    [Theory]
    [InlineData(2024, "01-01 02-05 03-18 05-01 09-16 10-01 11-18 12-25")]
    [InlineData(2025, "01-01 02-03 03-17 05-01 09-16 11-17 12-25")]
    [InlineData(2026, "01-01 02-02 03-16 05-01 09-16 11-16 12-25")]
    [InlineData(2027, "01-01 02-01 03-15 05-01 09-16 11-15 12-25")]
    [InlineData(2028, "01-01 02-07 03-20 05-01 09-16 11-20 12-25")]
    [InlineData(2029, "01-01 02-05 03-19 05-01 09-16 11-19 12-25")]
    [InlineData(2030, "01-01 02-04 03-18 05-01 09-16 10-01 11-18 12-25")]
    public void Mexicos_statutory_rest_days_fall_on_the_right_days(int year, string expected) =>
        Assert.Equal(expected, string.Join(' ', new MexicanHolidays().For(year).Select(h => h.Date.ToString("MM-dd"))));

    [Fact]
    public void The_executive_changed_on_1_December_until_2018() =>
        Assert.Contains(new MexicanHolidays().For(2018), h => h.Date == new DateOnly(2018, 12, 1));

    [Fact]
    public void The_shipped_corrections_add_Mexicos_election_days_and_regional_additions_hold_only_in_their_region()
    {
        var mx = BusinessCalendarFactory.Create("MX", "America/Mexico_City", false, Path.Combine(RepoPaths.Root, "src/SalesBot/holidays"));
        Assert.Contains(mx.Holidays(2024), h => h.Date == new DateOnly(2024, 6, 2));

        var corrections = new HolidayCorrections([new Holiday(new DateOnly(2026, 3, 2), "Decreto departamental")], [])
        {
            AdditionRegions = ["BO-C"],
        };
        var cochabamba = new BusinessCalendar(new BolivianHolidays(), corrections, TimeZoneInfo.Utc, false, "BO-C");
        var laPaz = new BusinessCalendar(new BolivianHolidays(), corrections, TimeZoneInfo.Utc, false, "BO-L");
        Assert.False(cochabamba.IsBusinessDay(new DateOnly(2026, 3, 2)));
        Assert.True(laPaz.IsBusinessDay(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void An_unknown_subdivision_is_refused_naming_the_known_ones()
    {
        var e = Assert.Throws<BusinessCalendarFactory.CalendarException>(() =>
            BusinessCalendarFactory.Create("BO", "America/La_Paz", false, Path.GetTempPath(), "BO-X"));
        Assert.Contains("BO-C Cochabamba", e.Message);
        Assert.Equal("BO-C", BusinessCalendarFactory.Create("BO", "America/La_Paz", false, Path.GetTempPath(), "c").Subdivision);
    }
}
