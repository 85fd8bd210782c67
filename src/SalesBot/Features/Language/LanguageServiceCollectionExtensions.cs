using SalesBot.Bot;
using SalesBot.Features.Language.Conversation;

namespace SalesBot.Features.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Natural language: the reader (built-in), what a turn is read against, the answer to a
    /// sentence, and the confirmation card's commands. Each feature registers the intents it answers.
    /// </summary>
    public static IServiceCollection AddLanguage(this IServiceCollection services)
    {
        services.AddSingleton<IIntentRecognizer, BuiltInRecognizer>();
        services.AddSingleton<IMessageReader, BuiltInMessageReader>();
        services.AddSingleton<IntentRoutes>();
        services.AddScoped<TurnReading>();
        services.AddScoped<SentenceAnswer>();
        services.AddConversationCommand<RunConfirmedCommand>(LanguageActions.Run);
        services.AddConversationCommand<DismissCommand>(LanguageActions.Dismiss);
        services.AddConversationCommand<NotYetCommand>(LanguageActions.NotYet);
        // The weekly digest has not landed: its sentences are understood and answered honestly.
        services.AddIntent(NluIntents.SubscribeDigest, (_, _) => new IntentCall(LanguageActions.NotYet, CommandInput.Empty));
        return services;
    }
}
