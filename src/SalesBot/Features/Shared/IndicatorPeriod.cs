using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesBot.Features.Shared;

public enum PeriodKind
{
    Month,
    Quarter,
    Year,
    Week,
    Range,
}

/// <summary>
/// The days an indicator covers (both ends included): a month, a quarter, a year, an ISO week or a
/// date range, written 2026-11, 2026-Q4, 2026, 2026-W48 or 2026-11-01/2026-11-30.
/// </summary>
public sealed partial record IndicatorPeriod(PeriodKind Kind, DateOnly From, DateOnly To)
{
    /// <summary>The longest range taken: a few years of trend, not a scan of all history by mistake.</summary>
    public const int MaxRangeDays = 3 * 366;

    public static IndicatorPeriod Month(int year, int month) => new(PeriodKind.Month, new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    public static IndicatorPeriod Quarter(int year, int quarter) =>
        new(PeriodKind.Quarter, new DateOnly(year, 3 * quarter - 2, 1), new DateOnly(year, 3 * quarter - 2, 1).AddMonths(3).AddDays(-1));

    public static IndicatorPeriod Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static IndicatorPeriod Week(int year, int week)
    {
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new(PeriodKind.Week, monday, monday.AddDays(6));
    }

    /// <summary>The period of that kind that holds <paramref name="day"/>.</summary>
    public static IndicatorPeriod Holding(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Quarter => Quarter(day.Year, (day.Month + 2) / 3),
        PeriodKind.Year => Year(day.Year),
        PeriodKind.Week => Week(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue))),
        _ => Month(day.Year, day.Month),
    };

    public static IndicatorPeriod? Parse(string? text)
    {
        var t = text?.Trim() ?? "";
        static int N(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);
        static bool YearOk(int y) => y is >= ReportingPeriod.MinYear and <= ReportingPeriod.MaxYear;
        if (MonthText().Match(t) is { Success: true } m && YearOk(N(m.Groups[1])) && N(m.Groups[2]) is >= 1 and <= 12) return Month(N(m.Groups[1]), N(m.Groups[2]));
        if (QuarterText().Match(t) is { Success: true } q && YearOk(N(q.Groups[1])) && N(q.Groups[2]) is >= 1 and <= 4) return Quarter(N(q.Groups[1]), N(q.Groups[2]));
        if (YearText().Match(t) is { Success: true } y && YearOk(N(y.Groups[1]))) return Year(N(y.Groups[1]));
        if (WeekText().Match(t) is { Success: true } w && YearOk(N(w.Groups[1])) && N(w.Groups[2]) >= 1 && N(w.Groups[2]) <= ISOWeek.GetWeeksInYear(N(w.Groups[1])))
            return Week(N(w.Groups[1]), N(w.Groups[2]));
        if (RangeText().Match(t) is { Success: true } r
            && InputDates.TryParseIso(r.Groups[1].Value, out var from) && InputDates.TryParseIso(r.Groups[2].Value, out var to)
            && from <= to && to.DayNumber - from.DayNumber < MaxRangeDays)
            return new(PeriodKind.Range, from, to);
        return null;
    }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period just before, of the same length (the previous month, quarter, year, week, or as many days).</summary>
    public IndicatorPeriod Previous() => Kind switch
    {
        PeriodKind.Month => Month(From.AddMonths(-1).Year, From.AddMonths(-1).Month),
        PeriodKind.Quarter => Holding(PeriodKind.Quarter, From.AddMonths(-3)),
        PeriodKind.Year => Year(From.Year - 1),
        PeriodKind.Week => new(PeriodKind.Week, From.AddDays(-7), To.AddDays(-7)),
        _ => new(PeriodKind.Range, From.AddDays(-Days), From.AddDays(-1)),
    };

    /// <summary>The calendar months the period is made of, or null when it is not whole months (a week, most ranges): such a period has no goal.</summary>
    public IReadOnlyList<(int Year, int Month)>? Months
    {
        get
        {
            if (From.Day != 1 || To.AddDays(1).Day != 1) return null;
            var months = new List<(int, int)>();
            for (var d = From; d <= To; d = d.AddMonths(1)) months.Add((d.Year, d.Month));
            return months;
        }
    }

    /// <summary>As it is written on the command line and in JSON.</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{From.Year}-Q{(From.Month + 2) / 3}",
        PeriodKind.Year => From.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Week => $"{ISOWeek.GetYear(From.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(From.ToDateTime(TimeOnly.MinValue)):00}",
        _ => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" + To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})$")]
    private static partial Regex MonthText();

    [GeneratedRegex(@"^(\d{4})-[Qq]([1-4])$")]
    private static partial Regex QuarterText();

    [GeneratedRegex(@"^(\d{4})$")]
    private static partial Regex YearText();

    [GeneratedRegex(@"^(\d{4})-[Ww](\d{1,2})$")]
    private static partial Regex WeekText();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")]
    private static partial Regex RangeText();
}
