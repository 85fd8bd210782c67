using SalesBot.Features.Shared;

namespace SalesBot.Features.Indicators.Conversation;

/// <summary>
/// "indicador conversión equipo 2026-Q3", "indicadores noviembre", "indicador churn Alex Wilber
/// este trimestre": which indicator (by any of its names), whose (equipo, empresa or a person's
/// name) and when (a month's name, este mes, este trimestre, 2026-11, 2026-Q4, 2026-W48...).
/// </summary>
public static class IndicatorRequestText
{
    /// <summary>The indicator the text starts with (by its longest name), and the words after it as written.</summary>
    public static Indicator? IndicatorAtStart(string text, out string rest)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        rest = text.Trim();
        for (var count = Math.Min(words.Length, 6); count > 0; count--)
        {
            var said = TextFolding.Fold(string.Join(' ', words.Take(count)));
            foreach (var indicator in Indicators.Codes.Values)
            {
                if (!Indicators.Codes.NamesOf(indicator).Any(n => TextFolding.Fold(n.Replace('_', ' ')) == said)) continue;
                rest = string.Join(' ', words.Skip(count));
                return indicator;
            }
        }
        return null;
    }

    /// <summary>Whose and when, from what follows the indicator's name; null period text when none was given.</summary>
    public static (ScopeRequest Scope, string? Period) ScopeAndPeriod(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string First(int i) => i < words.Count ? TextFolding.Fold(words[i]) : "";
        ScopeKind? kind = null;
        if (First(0) is "equipo" or "team") (kind, words) = (ScopeKind.Team, words.Skip(1).ToList());
        else if (First(0) is "mi" or "my" && First(1) is "equipo" or "team") (kind, words) = (ScopeKind.Team, words.Skip(2).ToList());
        else if (First(0) is "empresa" or "company" or "compania" or "organizacion") (kind, words) = (ScopeKind.Company, words.Skip(1).ToList());
        if (words.Count == 0) return (new ScopeRequest(kind, null), null);
        if (kind is not null || LooksLikePeriod(string.Join(' ', words))) return (new ScopeRequest(kind, null), string.Join(' ', words));
        // A person's name, then perhaps a period: the longest tail that reads as a period is the period.
        for (var i = 1; i < words.Count; i++)
            if (LooksLikePeriod(string.Join(' ', words.Skip(i)))) return (new ScopeRequest(null, string.Join(' ', words.Take(i))), string.Join(' ', words.Skip(i)));
        return (new ScopeRequest(null, string.Join(' ', words)), null);
    }

    /// <summary>
    /// "noviembre equipo", "Alex Wilber 2026-10": a period first or last, whose as in
    /// <see cref="ScopeAndPeriod"/> (the monthly report and the goals are asked for both ways).
    /// </summary>
    public static (ScopeRequest Scope, string? Period) PeriodAndScopeAnyOrder(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The longest opening that names a period is the period; what follows names whose.
        for (var count = Math.Min(words.Length, 4); count > 0; count--)
        {
            var head = string.Join(' ', words.Take(count));
            if (!LooksLikePeriod(head)) continue;
            var (scope, _) = ScopeAndPeriod(string.Join(' ', words.Skip(count)));
            return (scope, head);
        }
        return ScopeAndPeriod(text);
    }

    // Words that fold to nothing (punctuation, symbols) name no period, though an empty period means "this month".
    public static bool LooksLikePeriod(string text) => TextFolding.Fold(text).Length > 0 && (
        Quarter(text, new DateOnly(2026, 1, 1)) is not null || IndicatorPeriod.Parse(text) is not null || ReportingPeriod.Parse(text, new DateOnly(2026, 1, 1)) is not null);

    /// <summary>The period the words name, or the default (this month; this quarter for conversion); null when the words name none.</summary>
    public static IndicatorPeriod? Period(string? text, DateOnly today, Indicator? indicator)
    {
        if (string.IsNullOrWhiteSpace(text))
            return IndicatorPeriod.Holding(indicator == Indicator.Conversion ? PeriodKind.Quarter : PeriodKind.Month, today);
        if (Quarter(text, today) is { } quarter) return quarter;
        if (IndicatorPeriod.Parse(text) is { } exact) return exact;
        if (ReportingPeriod.Parse(text, today) is not { } said) return null;
        return said.Kind switch
        {
            "month" => IndicatorPeriod.Month(said.From.Year, said.From.Month),
            "year" => IndicatorPeriod.Year(said.From.Year),
            "week" => new IndicatorPeriod(PeriodKind.Week, said.From, said.To),
            _ => new IndicatorPeriod(PeriodKind.Range, said.From, said.To),
        };
    }

    private static IndicatorPeriod? Quarter(string text, DateOnly today) => TextFolding.Fold(text) switch
    {
        "este trimestre" or "trimestre" or "this quarter" or "quarter" or "trimestre actual" => IndicatorPeriod.Holding(PeriodKind.Quarter, today),
        "trimestre pasado" or "el trimestre pasado" or "last quarter" => IndicatorPeriod.Holding(PeriodKind.Quarter, today).Previous(),
        _ => null,
    };
}
