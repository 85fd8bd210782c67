using System.Globalization;

namespace SalesBot.Features.Pqrs;

/// <summary>
/// Reads a filing moment as people and systems write it: "2026-03-27T16:30", with seconds, a
/// space instead of the T, day first ("27/03/2026 16:30"), or an offset ("-05:00", "Z"). Without an offset it is local time in the
/// given zone; a bare date is the start of that day.
/// </summary>
public static class FiledAt
{
    private static readonly string[] WithOffset =
        ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK"];

    private static readonly string[] Local =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd",
         // Colombian exports write day first.
         "dd/MM/yyyy HH:mm", "dd/MM/yyyy H:mm", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy"];

    public static DateTimeOffset? TryParse(string text, TimeZoneInfo zone)
    {
        var t = text.Trim();
        if (DateTime.TryParseExact(t, Local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return Shared.InputDates.InRange(local) ? new DateTimeOffset(local, zone.GetUtcOffset(local)) : null;
        if (DateTimeOffset.TryParseExact(t, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return Shared.InputDates.InRange(instant.UtcDateTime) ? instant : null;
        return null;
    }
}
