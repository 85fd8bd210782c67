using SalesBot.Bot;
using SalesBot.Features.Language;
using SalesBot.Features.Language.Conversation;

namespace SalesBot.Features.Digests.Conversation;

/// <summary>"suscribe este canal al resumen semanal del equipo los lunes a las 8": the typed command with what was said.</summary>
public static class DigestIntents
{
    public static IServiceCollection AddDigestIntents(this IServiceCollection services) => services
        .AddIntent(NluIntents.SubscribeDigest, Subscribe, DigestActions.Weekly)
        .AddIntentPhrases(DigestPhrases.All, DigestPhrases.Examples);

    /// <summary>Subscribing writes: shown as the typed command (Monday unless a day is typed, 08:00 unless a time was said) and run once confirmed.</summary>
    private static IntentCall Subscribe(Understanding reading, BotTurn turn)
    {
        // Outside a channel there is nothing to confirm: the command says where to ask.
        if (WeeklyDigestCommand.ChannelOf(turn.Activity) is null) return new IntentCall(DigestActions.Weekly, CommandInput.Empty);
        var slot = "lunes " + (IntentText.Value(reading, "time") ?? "08:00");
        var typed = (turn.Language == "en" ? "weekly digest monday " : "resumen semanal lunes ") + (IntentText.Value(reading, "time") ?? "08:00");
        return new IntentCall(DigestActions.Weekly, new CommandInput(slot, null), typed);
    }
}

/// <summary>How people ask for the weekly digest: it names itself, or a channel is subscribed to a summary.</summary>
public static class DigestPhrases
{
    public static readonly IntentPhrase[] All =
    [
        new(NluIntents.SubscribeDigest, PhraseOrder.Report, s => s.Has("resumen semanal", "weekly digest", "digest", "weekly summary", "resumen de la semana cada", "resumen cada semana")
            || s.Has("suscrib*", "subscribe*") && s.Has("canal", "channel", "resumen", "summary")),
    ];

    public static readonly IntentExample[] Examples =
    [
        new(NluIntents.SubscribeDigest, "resumen semanal"),
        new(NluIntents.SubscribeDigest, "weekly digest"),
    ];
}
