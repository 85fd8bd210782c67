using System.Globalization;
using System.Text.Json;

namespace SalesBot.Features.Shared.Calendar;

/// <summary>
/// What an administrator corrects without a release when Congress changes the list: holidays
/// added or removed, by date. One JSON file per country, e.g. holidays/CO.json:
/// { "additions": [ { "date": "2027-03-22", "name": "..." } ], "removals": [ { "date": "...", "name": "..." } ] }
/// A removal without a name removes every holiday of that date; an addition with a "subdivision"
/// ("BO-C") holds only in that region.
/// </summary>
public sealed record HolidayCorrections(IReadOnlyList<Holiday> Additions, IReadOnlyList<(DateOnly Date, string? Name)> Removals)
{
    public static readonly HolidayCorrections None = new([], []);

    /// <summary>For each of <see cref="Additions"/>, by position, the one region it holds in ("BO-C"), or null (everywhere).</summary>
    public IReadOnlyList<string?> AdditionRegions { get; init; } = [];

    public IReadOnlyList<Holiday> ApplyTo(int year, IReadOnlyList<Holiday> computed, string? subdivision = null) =>
        computed
            .Where(h => !Removals.Any(r => r.Date == h.Date && (r.Name is null || string.Equals(r.Name, h.Name, StringComparison.OrdinalIgnoreCase))))
            .Concat(Additions.Where((a, i) => a.Date.Year == year
                && (AdditionRegions.ElementAtOrDefault(i) is not { } region || string.Equals(region, subdivision, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(h => h.Date)
            .ThenBy(h => h.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads a corrections file; a malformed one is refused with the file and the reason.</summary>
    public static HolidayCorrections Load(string path)
    {
        if (!File.Exists(path)) return None;
        CorrectionsFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CorrectionsFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message})");
        }
        var additions = (file?.Additions ?? []).Select((a, i) =>
            new Holiday(Date(a.Date, path, $"additions[{i}]"), string.IsNullOrWhiteSpace(a.Name)
                ? throw new InvalidDataException($"{path}: additions[{i}] needs a name")
                : a.Name.Trim())).ToList();
        var removals = (file?.Removals ?? []).Select((r, i) =>
            (Date(r.Date, path, $"removals[{i}]"), string.IsNullOrWhiteSpace(r.Name) ? null : r.Name.Trim())).ToList();
        // "C" in BO.json is "BO-C", as on the command line.
        var country = Path.GetFileNameWithoutExtension(path).ToUpperInvariant();
        var regions = (file?.Additions ?? []).Select(a => string.IsNullOrWhiteSpace(a.Subdivision) ? null
            : a.Subdivision.Trim().ToUpperInvariant() is var r && r.Contains('-') ? r : country + "-" + r).ToList();
        return new HolidayCorrections(additions, removals) { AdditionRegions = regions };
    }

    private static DateOnly Date(string? text, string path, string where) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidDataException($"{path}: {where}.date '{text}' is not a YYYY-MM-DD date");

    private sealed record CorrectionsFile(List<Entry>? Additions, List<Entry>? Removals);

    private sealed record Entry(string? Date, string? Name, string? Subdivision);
}
