namespace SalesBot.Features.Shared.Calendar;

/// <summary>
/// Business days (días hábiles) of one organisation: Monday to Friday (and Saturday when the
/// company attends then), except the public holidays of its country in its time zone.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly IHolidayRules _rules;
    private readonly HolidayCorrections _corrections;
    private readonly Dictionary<int, IReadOnlyList<Holiday>> _byYear = [];
    private readonly object _lock = new();

    public BusinessCalendar(IHolidayRules rules, HolidayCorrections corrections, TimeZoneInfo timeZone, bool saturdaysAreBusinessDays,
        string? subdivision = null)
    {
        _rules = rules;
        Subdivision = subdivision;
        _corrections = corrections;
        TimeZone = timeZone;
        SaturdaysAreBusinessDays = saturdaysAreBusinessDays;
    }

    public TimeZoneInfo TimeZone { get; }
    public bool SaturdaysAreBusinessDays { get; }
    public string Country => _rules.Country;

    /// <summary>The region whose own holidays count too (ISO 3166-2, e.g. "BO-C"), or null for the national ones only.</summary>
    public string? Subdivision { get; }

    /// <summary>The year's holidays after the administrator's corrections.</summary>
    public IReadOnlyList<Holiday> Holidays(int year)
    {
        var (first, last) = _rules.SupportedYears;
        if (year < first || year > last)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"the {Country} calendar covers {first}-{last}");
        lock (_lock)
        {
            if (!_byYear.TryGetValue(year, out var holidays))
                _byYear[year] = holidays = _corrections.ApplyTo(year, _rules.For(year, Subdivision), Subdivision);
            return holidays;
        }
    }

    /// <summary>A day of the working week (Monday to Friday, and Saturday when the company attends), holidays aside.</summary>
    public bool IsWorkingWeekday(DateOnly date) =>
        date.DayOfWeek != DayOfWeek.Sunday && (date.DayOfWeek != DayOfWeek.Saturday || SaturdaysAreBusinessDays);

    /// <summary>Whether the calendar knows the holidays of this date's year (and a term of up to 30 business days after it).</summary>
    public bool Covers(DateOnly date) => date.Year >= _rules.SupportedYears.First && date.AddDays(60).Year <= _rules.SupportedYears.Last;

    public bool IsHoliday(DateOnly date) => Holidays(date.Year).Any(h => h.Date == date);

    public bool IsBusinessDay(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Sunday => false,
        DayOfWeek.Saturday when !SaturdaysAreBusinessDays => false,
        _ => !IsHoliday(date),
    };

    /// <summary>
    /// The n-th business day after <paramref name="start"/>: the start itself never counts, so day 1
    /// is the first business day strictly after it, whatever day the start is.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var day = start;
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day)) counted++;
        }
        return day;
    }

    /// <summary>Business days from the day after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsBusinessDay(day)) count++;
        return count;
    }

    /// <summary>The organisation's local calendar date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The instant (UTC) a local date begins in the organisation's time zone.</summary>
    public DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>The instant (UTC) of a local date and time in the organisation's time zone.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
