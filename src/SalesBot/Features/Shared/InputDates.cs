using System.Globalization;

namespace SalesBot.Features.Shared;

/// <summary>
/// Days typed or submitted by people: ISO (yyyy-MM-dd) and within the years anyone means in a
/// sales conversation. Day 9999-12-31 is a typo or a forged card, and converting it to an instant
/// in a time zone would overflow.
/// </summary>
public static class InputDates
{
    public static bool InRange(DateOnly day) => day.Year is >= ReportingPeriod.MinYear and <= ReportingPeriod.MaxYear;

    public static bool InRange(DateTime local) => local.Year is >= ReportingPeriod.MinYear and <= ReportingPeriod.MaxYear;

    public static bool TryParseIso(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && InRange(day);

    /// <summary>A month as files write it, "2026-11": its first day.</summary>
    public static bool TryParseMonth(string? text, out DateOnly first) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first) && InRange(first);
}
