using SalesBot.Bot;

namespace SalesBot.Features.Indicators.Conversation;

/// <summary>What users can ask of the indicators: each action's name and the phrases that ask for it.</summary>
public static class IndicatorActions
{
    public const string All = "indicators.all";
    public const string One = "indicators.one";
    public const string Goals = "indicators.goals";

    // "indicador pqr" stays the PQR feature's (a longer phrase wins).
    public static readonly PhraseSet Phrases = new(
    [
        ("indicadores", All),
        ("mis indicadores", All),
        ("indicators", All),
        ("my indicators", All),
        ("kpis", All),
        ("indicador", One),
        ("indicator", One),
        ("metas", Goals),
        ("mis metas", Goals),
        ("goals", Goals),
        ("my goals", Goals),
    ]);
}
