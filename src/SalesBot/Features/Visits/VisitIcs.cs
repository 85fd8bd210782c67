using System.Globalization;
using System.Text;

namespace SalesBot.Features.Visits;

/// <summary>
/// Signed, expiring links to a visit's .ics file, for people whose calendar SalesBot does not
/// write to. The signature binds the visit, its owner and the expiry, so a link works only as it
/// was given to the owner, and only for a while. Off until Links:BaseUrl and Links:SigningKey are
/// set (Visits:PublicBaseUrl and Visits:LinkSigningKey, their earlier names, are still read).
/// </summary>
public sealed class VisitIcsLinks(IOptions<VisitOptions> options, IOptions<LinksOptions> links, TimeProvider clock)
{
    private string? BaseUrl => links.Value.BaseUrl ?? options.Value.PublicBaseUrl;
    private string? SigningKey => links.Value.SigningKey ?? options.Value.LinkSigningKey;

    public bool Enabled => BaseUrl is { Length: > 0 } && SigningKey is { Length: >= 32 };

    public string? UrlFor(Guid visitId, Guid? ownerId)
    {
        if (!Enabled || ownerId is not { } owner) return null;
        var expires = clock.GetUtcNow().Add(options.Value.LinkLifetime).ToUnixTimeSeconds();
        return $"{BaseUrl!.TrimEnd('/')}/visits/{visitId}.ics?owner={owner}&exp={expires}&sig={Sign(visitId, owner, expires)}";
    }

    /// <summary>Whether a link's parts are the ones this server signed, and it has not expired.</summary>
    public bool IsValid(Guid visitId, Guid ownerId, long expires, string? signature)
    {
        if (!Enabled || expires < clock.GetUtcNow().ToUnixTimeSeconds()) return false;
        return LinkSignature.Matches(SigningKey!, Payload(visitId, ownerId, expires), signature);
    }

    private string Sign(Guid visitId, Guid ownerId, long expires) => LinkSignature.Compute(SigningKey!, Payload(visitId, ownerId, expires));

    // The format links have had since they were first given out: changing it would void them.
    private static string Payload(Guid visitId, Guid ownerId, long expires) =>
        string.Create(CultureInfo.InvariantCulture, $"{visitId:N}|{ownerId:N}|{expires}");
}

/// <summary>An iCalendar (RFC 5545) file with the visit as one event, times in UTC.</summary>
public static class VisitIcs
{
    public static string Render(Visit visit, string clientName, string ownerEmail, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(Fold(text)).Append("\r\n");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//SalesBot//Visits//ES");
        Line("METHOD:PUBLISH");
        Line("BEGIN:VEVENT");
        Line($"UID:{visit.Id:N}@salesbot");
        Line("DTSTAMP:" + Utc(now));
        Line("DTSTART:" + Utc(visit.Start));
        Line("DTEND:" + Utc(visit.End));
        Line("SUMMARY:" + Escape("Visita: " + clientName));
        if (visit.Location is { } location) Line("LOCATION:" + Escape(location));
        var description = string.Join("\n", new[] { visit.Interviewee is { } i ? "Entrevistar a: " + i : null, visit.Observations }.Where(x => x is not null));
        if (description.Length > 0) Line("DESCRIPTION:" + Escape(description));
        Line("ORGANIZER:mailto:" + ownerEmail);
        Line(visit.Status == VisitStatus.Cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        // Calendars apply an update only when SEQUENCE grows: minutes since 2020 only ever grow.
        Line("SEQUENCE:" + ((now.ToUnixTimeSeconds() - 1577836800) / 60).ToString(CultureInfo.InvariantCulture));
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space.</summary>
    private static string Fold(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        if (bytes.Length <= 75) return line;
        var sb = new StringBuilder();
        var count = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (count + size > 75)
            {
                sb.Append("\r\n ");
                count = 1;
            }
            sb.Append(rune.ToString());
            count += size;
        }
        return sb.ToString();
    }
}
