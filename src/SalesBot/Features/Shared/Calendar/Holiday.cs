namespace SalesBot.Features.Shared.Calendar;

/// <summary>A public holiday: its (observed) date and its official name, in Spanish.</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>The public holidays of one country, computed by the country's rules.</summary>
public interface IHolidayRules
{
    /// <summary>ISO 3166-1 alpha-2, e.g. "CO".</summary>
    string Country { get; }

    /// <summary>The years the rules are known to be right for; others are refused, not guessed.</summary>
    (int First, int Last) SupportedYears { get; }

    /// <summary>Subdivisions with holidays of their own (ISO 3166-2, e.g. "BO-C"), with their names; empty when none.</summary>
    IReadOnlyDictionary<string, string> Subdivisions { get; }

    /// <summary>The year's holidays: the national ones, and those of <paramref name="subdivision"/> when given.</summary>
    IReadOnlyList<Holiday> For(int year, string? subdivision = null);
}
