using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace SalesBot.Bot.Localization;

/// <summary>
/// User-visible text in Spanish (default) and English, from the embedded Resources/strings.*.json.
/// A key missing from English falls back to Spanish, and a missing key everywhere shows the key,
/// so a gap is visible rather than a crash in front of the user.
/// </summary>
public sealed class Localizer
{
    private readonly TextFormat _spanish;
    private readonly TextFormat _english = TextFormat.For(TextFormat.EnglishCulture);

    public const string Spanish = "es";
    public const string English = "en";
    public static readonly IReadOnlyList<string> Languages = [Spanish, English];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _strings;

    /// <param name="spanishCulture">How Spanish is written here (Organization:Culture: es-CO, es-BO or es-MX).</param>
    public Localizer(string spanishCulture = "es-CO")
    {
        _strings = Languages.ToFrozenDictionary(l => l, Load);
        _spanish = TextFormat.For(spanishCulture);
    }

    /// <summary>How dates, numbers and money are written in a language, here.</summary>
    public TextFormat Format(string language) => language == English ? _english : _spanish;

    /// <summary>
    /// How a reader is written to: a member of a team with a country of its own (a Bolivian team in a
    /// Colombian organisation) reads Spanish the way that country writes it.
    /// </summary>
    public TextFormat Format(string language, string? teamCountry) =>
        language == English || teamCountry is null ? Format(language) : TextFormat.For(OrganizationOptions.SpanishCultureOf(teamCountry));

    /// <summary>The reader of a message sent outside a turn: their language and how it is written for them.</summary>
    public Reader ReaderOf(string language, string? teamCountry) => new(language, Format(language, teamCountry));

    public CultureInfo Culture(string language) => Format(language).Culture;

    public IReadOnlyCollection<string> Keys(string language) => _strings[language].Keys;

    /// <summary>Whether a text exists for the key (an optional one, such as a command's example sentence).</summary>
    public bool Has(string key) => _strings[Spanish].ContainsKey(key);

    public string this[string language, string key] => Get(language, key);

    public string Get(string language, string key, params object?[] args)
    {
        var table = _strings.TryGetValue(language, out var t) ? t : _strings[Spanish];
        if (!table.TryGetValue(key, out var text) && !_strings[Spanish].TryGetValue(key, out text)) text = key;
        if (args.Length == 0) return text;
        // Values are often someone else's text (a client's name, a comment): never a live link.
        // Copied only when one needs defusing: this runs for nearly every text of every turn.
        object?[]? safe = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is not string s || Cards.LiveLinks.Defuse(s) is var defused && ReferenceEquals(defused, s)) continue;
            (safe ??= (object?[])args.Clone())[i] = defused;
        }
        return string.Format(Culture(language), text, safe ?? args);
    }

    private static FrozenDictionary<string, string> Load(string language)
    {
        var name = $"SalesBot.Resources.strings.{language}.json";
        using var stream = typeof(Localizer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary();
    }
}

/// <summary>Who a message is written for: the language of its words and the culture of its dates and numbers.</summary>
public sealed record Reader(string Language, TextFormat Format);

/// <summary>
/// The words and formats of one reader, for text written both in a turn and outside one (a
/// monthly report, a chart, a scheduled card): the same sentence whoever triggers it.
/// </summary>
public sealed class Wording(Localizer localizer, Reader reader)
{
    public Reader Reader => reader;
    public string Language => reader.Language;
    public TextFormat Format => reader.Format;

    public string T(string key, params object?[] args) => localizer.Get(reader.Language, key, args);
}
