using SalesBot.Features.Language;

namespace SalesBot.Features.Indicators.Conversation;

/// <summary>
/// How people ask for an indicator: by its name (read by the contract's vocabulary: "cumplimiento
/// de visitas", "ejecución presupuestal") or by asking how they are doing.
/// </summary>
public static class IndicatorPhrases
{
    public static readonly IntentPhrase[] All =
    [
        // "oportunidad de respuesta de PQR" is the timeliness indicator, not a list of PQRs.
        new(NluIntents.ShowIndicator, PhraseOrder.PqrIndicator, s => s.Indicator == "pqr_timeliness"),
        new(NluIntents.ShowIndicator, PhraseOrder.Indicator, s => s.Indicator is not null
            || s.Has("indicador*", "kpi*", "como voy", "como vamos", "how am i doing", "how are we doing", "metrics", "mis metas", "my goals")),
    ];

    public static readonly IntentExample[] Examples =
    [
        new(NluIntents.ShowIndicator, "mis indicadores"),
        new(NluIntents.ShowIndicator, "cumplimiento presupuesto"),
        new(NluIntents.ShowIndicator, "conversion rate"),
        new(NluIntents.ShowIndicator, "my indicators"),
    ];
}
