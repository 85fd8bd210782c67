using SalesBot.Bot;
using SalesBot.Features.Language;
using SalesBot.Features.Language.Conversation;

namespace SalesBot.Features.Indicators.Conversation;

/// <summary>
/// "¿cómo voy en conversión este trimestre?": one indicator (or all of them) for the scope and
/// period said, through the typed command's own parser ("indicador conversion equipo 2026-Q4").
/// </summary>
public static class IndicatorIntents
{
    public static IServiceCollection AddIndicatorIntents(this IServiceCollection services) => services
        .AddIntent(NluIntents.ShowIndicator, Show, IndicatorActions.All, IndicatorActions.One, IndicatorActions.Goals,
            Visits.Conversation.VisitActions.Compliance, Pqrs.Conversation.PqrActions.Timeliness)
        .AddIntentPhrases(IndicatorPhrases.All, IndicatorPhrases.Examples);

    private static IntentCall Show(Understanding reading, BotTurn turn)
    {
        var scope = IntentText.Scope(reading, turn);
        var period = IntentText.Value(reading, "period");
        return IntentText.Value(reading, "indicator") is { } code
            ? new IntentCall(IndicatorActions.One, new CommandInput(IntentText.Join(code.Replace('_', ' '), scope, period), null))
            : new IntentCall(IndicatorActions.All, new CommandInput(IntentText.Join(scope, period), null));
    }
}
