using System.Globalization;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Visits;

/// <summary>A visit as typed in a form: text, validated by the use cases.</summary>
public sealed record VisitInput(
    Guid? ClientId, string? Date, string? Time, string? DurationMinutes,
    string? Type, string? Interviewee, string? Location, string? Observations)
{
    public const int MaxText = 2000;

    /// <summary>The local start and end in the organisation's time zone, or the reasons they are wrong.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? Times(BusinessCalendar calendar, List<DomainError> errors)
    {
        var ok = true;
        if (!DateOnly.TryParseExact(Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(DomainError.Invalid("visit-date", "date"));
            ok = false;
        }
        if (!TimeOnly.TryParseExact(Time?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add(DomainError.Invalid("visit-time", "time"));
            ok = false;
        }
        if (!int.TryParse(DurationMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 15 or > 720)
        {
            errors.Add(DomainError.Invalid("duration", "between", "15", "720"));
            ok = false;
        }
        // Visits happen within a few years of now; anything else is a typo (or a forged card).
        if (ok && (date.Year < 2000 || date.Year > 2100))
        {
            errors.Add(DomainError.Invalid("visit-date", "date"));
            ok = false;
        }
        if (!ok) return null;
        var start = calendar.At(date, time);
        return (start, start.AddMinutes(minutes));
    }

    public VisitDetails? Details(List<DomainError> errors, bool typeRequired)
    {
        VisitType? type = null;
        if (!string.IsNullOrWhiteSpace(Type) || typeRequired)
        {
            type = VisitCodes.Types.Parse(Type);
            if (type is null) errors.Add(DomainError.Invalid("visit-type", "one-of", string.Join(", ", VisitCodes.Types.Codes)));
        }
        var interviewee = Clean(Interviewee, 200, "interviewee", errors);
        var location = Clean(Location, 300, "location", errors);
        var observations = Clean(Observations, MaxText, "observations", errors);
        return new VisitDetails(type, interviewee, location, observations);
    }

    internal static string? Clean(string? text, int max, string field, List<DomainError> errors)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (t.Length <= max) return t;
        errors.Add(DomainError.Invalid(field, "max", max.ToString(CultureInfo.InvariantCulture)));
        return null;
    }
}
