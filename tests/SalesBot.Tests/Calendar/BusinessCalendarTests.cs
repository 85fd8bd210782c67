using SalesBot.Features.Pqrs;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Tests.Calendar;

public class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Bogota = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");

    private static BusinessCalendar Calendar(bool saturdays = false, HolidayCorrections? corrections = null) =>
        new(new ColombianHolidays(), corrections ?? HolidayCorrections.None, Bogota, saturdays);

    // Expected dates: hand-checked for the first cases, and for all of them computed by an
    // independent implementation (python-dateutil, zoneinfo) of the rules in issue 5.
    [Theory]
    [InlineData("reclamo", "2026-03-27T16:30", "2026-04-21")]          // Friday before Holy Week
    [InlineData("reclamo", "2026-03-28T10:00", "2026-04-21")]          // filed on a Saturday
    [InlineData("reclamo", "2026-03-29T23:00", "2026-04-21")]          // filed late on a Sunday
    [InlineData("peticion", "2026-01-12T09:00", "2026-02-02")]         // filed on a holiday (Reyes, moved to Monday)
    [InlineData("queja", "2026-03-26T23:30-05:00", "2026-04-20")]      // late evening: the local date counts
    [InlineData("queja", "2026-03-27T04:30Z", "2026-04-20")]           // same instant in UTC: still Thursday in Bogotá
    [InlineData("queja", "2026-03-27T05:30Z", "2026-04-21")]           // an hour later it is Friday in Bogotá
    [InlineData("recurso", "2024-12-31T23:59", "2025-01-23")]          // year end, 1 Jan and Reyes (6 Jan, a Monday)
    [InlineData("solicitud_documentos", "2026-12-23T08:00", "2027-01-08")] // Christmas and New Year
    [InlineData("consulta", "2026-12-23T08:00", "2027-02-08")]
    [InlineData("peticion", "2027-01-08T17:00", "2027-02-01")]         // Reyes moved to Monday 11 Jan
    [InlineData("reclamo", "2025-06-27T12:00", "2025-07-21")]          // two holidays on Monday 30 Jun
    [InlineData("consulta", "2025-04-11T10:00", "2025-05-28")]         // Holy Week and 1 May
    [InlineData("solicitud_documentos", "2030-06-28T15:00", "2030-07-16")] // Chiquinquirá moved to Monday 15 Jul
    [InlineData("reclamo", "2026-06-30T10:00", "2026-07-23")]          // Chiquinquirá (Mon 13 Jul) and 20 Jul
    [InlineData("peticion", "2027-06-25T10:00", "2027-07-21")]         // Chiquinquirá moved to Monday 12 Jul, and 20 Jul
    [InlineData("peticion", "2028-04-12T18:45", "2028-05-08")]
    [InlineData("recurso", "2029-11-09T07:00", "2029-12-03")]          // Cartagena moved to Monday 12 Nov
    [InlineData("reclamo", "2024-03-27T11:00", "2024-04-19")]
    public void The_due_date_is_the_nth_business_day_after_the_local_filing_date(string type, string filedAt, string expected)
    {
        Assert.True(PqrTypes.TryParse(type, out var pqrType));
        var filed = FiledAt.TryParse(filedAt, Bogota)!.Value;

        Assert.Equal(DateOnly.Parse(expected), new PqrDeadline(Calendar()).DueDate(pqrType, filed));
    }

    [Theory]
    [InlineData("peticion", 15)]
    [InlineData("queja", 15)]
    [InlineData("reclamo", 15)]
    [InlineData("recurso", 15)]
    [InlineData("solicitud_documentos", 10)]
    [InlineData("consulta", 30)]
    public void Each_type_has_its_legal_term(string code, int businessDays)
    {
        Assert.True(PqrTypes.TryParse(code, out var type));
        Assert.Equal(businessDays, type.TermInBusinessDays());
        Assert.Equal(code, type.Code());
    }

    [Theory]
    [InlineData("Petición")]
    [InlineData("solicitud de documentos")]
    [InlineData("CONSULTA")]
    public void Types_are_understood_as_people_write_them(string text) => Assert.True(PqrTypes.TryParse(text, out _));

    [Fact]
    public void An_answer_on_the_due_date_is_on_time_and_the_day_after_is_late()
    {
        var deadline = new PqrDeadline(Calendar());
        var due = new DateOnly(2026, 4, 21);
        Assert.True(deadline.IsOnTime(due, new DateTimeOffset(2026, 4, 21, 23, 59, 0, TimeSpan.FromHours(-5))));
        Assert.False(deadline.IsOnTime(due, new DateTimeOffset(2026, 4, 22, 5, 1, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Business_days_left_count_down_to_zero_on_the_due_date_and_below_after()
    {
        var deadline = new PqrDeadline(Calendar());
        var due = new DateOnly(2026, 4, 21);
        Assert.Equal(5, deadline.BusinessDaysLeft(due, At(2026, 4, 14)));
        Assert.Equal(0, deadline.BusinessDaysLeft(due, At(2026, 4, 21)));
        Assert.Equal(-1, deadline.BusinessDaysLeft(due, At(2026, 4, 22)));
        Assert.Equal(12, deadline.BusinessDaysLeft(due, At(2026, 4, 4))); // from Holy Saturday
    }

    private static DateTimeOffset At(int y, int m, int d) => new(y, m, d, 10, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void Saturdays_count_when_the_company_attends_on_Saturdays()
    {
        var saturdays = Calendar(saturdays: true);
        Assert.True(saturdays.IsBusinessDay(new DateOnly(2026, 3, 28)));
        Assert.False(saturdays.IsBusinessDay(new DateOnly(2026, 3, 29)));
        Assert.Equal(new DateOnly(2026, 4, 16), saturdays.AddBusinessDays(new DateOnly(2026, 3, 27), 15));
    }

    [Fact]
    public void An_administrators_corrections_add_and_remove_holidays_without_a_release()
    {
        var corrections = new HolidayCorrections(
            [new Holiday(new DateOnly(2026, 9, 14), "Festivo de prueba")],
            [(new DateOnly(2026, 11, 16), null)]);
        var calendar = Calendar(corrections: corrections);

        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 9, 14)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 11, 16)));
        Assert.Equal(19, calendar.Holidays(2026).Count);
        Assert.DoesNotContain(calendar.Holidays(2027), h => h.Name == "Festivo de prueba");
    }

    [Fact]
    public void A_corrections_file_is_read_and_a_bad_one_is_refused_with_the_reason()
    {
        var dir = Directory.CreateTempSubdirectory("holidays-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "CO.json"),
                """{ "additions": [ { "date": "2027-09-13", "name": "Nuevo festivo" } ], "removals": [ { "date": "2027-11-15", "name": "Independencia de Cartagena" } ] }""");
            var calendar = BusinessCalendarFactory.Create("co", "America/Bogota", false, dir);
            Assert.Contains(calendar.Holidays(2027), h => h.Date == new DateOnly(2027, 9, 13) && h.Name == "Nuevo festivo");
            Assert.DoesNotContain(calendar.Holidays(2027), h => h.Date == new DateOnly(2027, 11, 15));

            File.WriteAllText(Path.Combine(dir, "CO.json"), """{ "additions": [ { "date": "13/09/2027", "name": "x" } ] }""");
            var e = Assert.Throws<BusinessCalendarFactory.CalendarException>(() => BusinessCalendarFactory.Create("CO", "America/Bogota", false, dir));
            Assert.Contains("additions[0].date '13/09/2027'", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_country_without_rules_or_an_unknown_time_zone_is_refused_with_the_reason()
    {
        Assert.Contains("AR", Assert.Throws<BusinessCalendarFactory.CalendarException>(
            () => BusinessCalendarFactory.Create("AR", "America/Bogota", false, "nowhere")).Message);
        Assert.Contains("Mars/Olympus", Assert.Throws<BusinessCalendarFactory.CalendarException>(
            () => BusinessCalendarFactory.Create("CO", "Mars/Olympus", false, "nowhere")).Message);
    }
}
