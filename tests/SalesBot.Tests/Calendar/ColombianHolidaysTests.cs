using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Tests.Calendar;

public class ColombianHolidaysTests
{
    private readonly ColombianHolidays _rules = new();

    // 2024-2026: the official calendars as published (2026 with Ley 2578's 13 July). 2027-2030:
    // computed independently of this code (python-dateutil's Easter, Ley 51 de 1983 moves) and
    // checked by hand against the rules; 9 July moves to 12 Jul 2027, 10 Jul 2028, stays on Monday
    // 9 Jul 2029, and moves to 15 Jul 2030.
    [Theory]
    [InlineData(2024, 18, "01-01 01-08 03-25 03-28 03-29 05-01 05-13 06-03 06-10 07-01 07-20 08-07 08-19 10-14 11-04 11-11 12-08 12-25")]
    [InlineData(2025, 18, "01-01 01-06 03-24 04-17 04-18 05-01 06-02 06-23 06-30 06-30 07-20 08-07 08-18 10-13 11-03 11-17 12-08 12-25")]
    [InlineData(2026, 19, "01-01 01-12 03-23 04-02 04-03 05-01 05-18 06-08 06-15 06-29 07-13 07-20 08-07 08-17 10-12 11-02 11-16 12-08 12-25")]
    [InlineData(2027, 19, "01-01 01-11 03-22 03-25 03-26 05-01 05-10 05-31 06-07 07-05 07-12 07-20 08-07 08-16 10-18 11-01 11-15 12-08 12-25")]
    [InlineData(2028, 19, "01-01 01-10 03-20 04-13 04-14 05-01 05-29 06-19 06-26 07-03 07-10 07-20 08-07 08-21 10-16 11-06 11-13 12-08 12-25")]
    [InlineData(2029, 19, "01-01 01-08 03-19 03-29 03-30 05-01 05-14 06-04 06-11 07-02 07-09 07-20 08-07 08-20 10-15 11-05 11-12 12-08 12-25")]
    [InlineData(2030, 19, "01-01 01-07 03-25 04-18 04-19 05-01 06-03 06-24 07-01 07-01 07-15 07-20 08-07 08-19 10-14 11-04 11-11 12-08 12-25")]
    public void The_holidays_of_each_year_fall_on_the_right_days(int year, int count, string expected)
    {
        var holidays = _rules.For(year);
        Assert.Equal(count, holidays.Count);
        Assert.Equal(expected, string.Join(' ', holidays.Select(h => h.Date.ToString("MM-dd"))));
    }

    [Fact]
    public void Ley_2578_adds_Our_Lady_of_Chiquinquira_from_2026_on_the_Monday_of_Ley_51()
    {
        const string name = "Día de Nuestra Señora del Rosario de Chiquinquirá";
        Assert.DoesNotContain(_rules.For(2025), h => h.Name == name);
        Assert.Equal(new DateOnly(2026, 7, 13), _rules.For(2026).Single(h => h.Name == name).Date);
        Assert.Equal(new DateOnly(2029, 7, 9), _rules.For(2029).Single(h => h.Name == name).Date);
    }

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_Sunday_is_computed_for_the_Gregorian_calendar(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Easter.Sunday(year));

    [Fact]
    public void Holidays_of_Ley_Emiliani_move_to_the_next_Monday_and_the_fixed_ones_stay()
    {
        var holidays = _rules.For(2025).ToLookup(h => h.Name, h => h.Date);
        Assert.Equal(new DateOnly(2025, 3, 24), holidays["Día de San José"].Single());        // Wed 19 Mar -> Mon 24
        Assert.Equal(new DateOnly(2025, 1, 6), holidays["Día de los Reyes Magos"].Single());  // already a Monday
        Assert.Equal(new DateOnly(2025, 7, 20), holidays["Día de la Independencia"].Single()); // Sunday, not moved
        Assert.Equal(new DateOnly(2025, 6, 30), holidays["San Pedro y San Pablo"].Single());   // Sun 29 Jun -> Mon 30,
        Assert.Equal(new DateOnly(2025, 6, 30), holidays["Sagrado Corazón de Jesús"].Single()); // the same day as Sacred Heart
    }

    [Fact]
    public void Twelve_October_carries_its_name_since_2021()
    {
        Assert.Contains(_rules.For(2026), h => h.Name == "Día de la Diversidad Étnica y Cultural de la Nación Colombiana");
        Assert.Contains(_rules.For(2020), h => h.Name == "Día de la Raza");
    }
}
