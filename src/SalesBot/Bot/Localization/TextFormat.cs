using System.Globalization;

namespace SalesBot.Bot.Localization;

/// <summary>
/// How one culture writes dates, times, numbers, percentages and money: the one place such a
/// pattern is written. Features ask for "a day and time" or "a percentage", never for "d/MM".
/// Spanish is written in the organisation's country (es-CO, es-BO, es-MX: Mexico groups thousands
/// with commas), English in en-US (month first, 12-hour clock).
/// </summary>
public sealed class TextFormat
{
    public const string EnglishCulture = "en-US";

    private readonly string _monthDay;
    private readonly string _time;
    private readonly string _percentSuffix;

    private TextFormat(CultureInfo culture)
    {
        Culture = culture;
        _monthDay = MonthDayOf(culture.DateTimeFormat.ShortDatePattern);
        var english = culture.TwoLetterISOLanguageName == "en";
        // Business Spanish writes 24-hour times ("15:30"); American English "3:30 PM".
        _time = english ? "h:mm tt" : "HH:mm";
        _percentSuffix = english ? "%" : " %";
    }

    public CultureInfo Culture { get; }

    public static TextFormat For(string cultureName) => Cache.GetOrAdd(cultureName, n => new TextFormat(CultureInfo.GetCultureInfo(n)));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TextFormat> Cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>"miércoles, 9 de diciembre de 2026" / "Wednesday, December 9, 2026".</summary>
    public string Date(DateOnly date) => date.ToString("D", Culture);

    /// <summary>"9/12/2026" / "12/9/2026".</summary>
    public string ShortDate(DateOnly date) => date.ToString("d", Culture);

    public string ShortDate(DateTimeOffset local) => local.ToString("d", Culture);

    public string Time(DateTimeOffset local) => local.ToString(_time, Culture);

    /// <summary>"9/12/2026 15:30" / "12/9/2026 3:30 PM".</summary>
    public string DateTime(DateTimeOffset local) => ShortDate(local) + " " + Time(local);

    /// <summary>"miércoles 9/12 10:00" / "Wednesday 12/9 10:00 AM".</summary>
    public string DayAndTime(DateTimeOffset local) => local.ToString("dddd " + _monthDay, Culture) + " " + Time(local);

    /// <summary>A visit's span: "miércoles 9/12 10:00–11:00", or with both days when it crosses midnight.</summary>
    public string Span(DateTimeOffset localStart, DateTimeOffset localEnd) =>
        DayAndTime(localStart) + "–" + (localStart.Date == localEnd.Date ? Time(localEnd) : DayAndTime(localEnd));

    /// <summary>"3/12/2026 – 9/12/2026".</summary>
    public string Range(DateOnly from, DateOnly to) => ShortDate(from) + " – " + ShortDate(to);

    /// <summary>A rate already in percent, to one decimal: "33,3 %" / "33.3%".</summary>
    public string Percent(decimal percent) => Math.Round(percent, 1).ToString("0.#", Culture) + _percentSuffix;

    /// <summary>A quantity with the culture's separators and at most two decimals: "1.234,5" / "1,234.5".</summary>
    public string Number(decimal value) => value.ToString("#,0.##", Culture);

    /// <summary>An amount in its currency: pesos without cents ("$ 1.234.567"), others with their code ("1.234,50 BOB").</summary>
    public string Money(decimal value, string currency) => currency is "COP"
        ? "$ " + value.ToString("#,0", Culture)
        : value.ToString("#,0.##", Culture) + " " + currency;

    /// <summary>The short date pattern without its year: "d/MM/yyyy" gives "d/MM", "M/d/yyyy" gives "M/d".</summary>
    internal static string MonthDayOf(string shortDatePattern)
    {
        var parts = shortDatePattern.Split(['/', '-', '.'], StringSplitOptions.RemoveEmptyEntries).Where(p => !p.Contains('y')).ToArray();
        var separator = shortDatePattern.FirstOrDefault(c => c is '/' or '-' or '.');
        return string.Join(separator == default ? '/' : separator, parts);
    }
}
