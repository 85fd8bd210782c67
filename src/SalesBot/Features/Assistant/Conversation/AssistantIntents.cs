using SalesBot.Bot;
using SalesBot.Features.Language;

namespace SalesBot.Features.Assistant.Conversation;

/// <summary>A greeting is welcomed; a how-to question gets the help card, which says how, by area.</summary>
public static class AssistantIntents
{
    public static IServiceCollection AddAssistantIntents(this IServiceCollection services) => services
        .AddIntent(NluIntents.Greeting, (_, _) => new IntentCall(AssistantActions.Welcome, CommandInput.Empty), AssistantActions.Welcome)
        .AddIntent(NluIntents.Help, (_, _) => new IntentCall(AssistantActions.Help, CommandInput.Empty), AssistantActions.Help, AssistantActions.Menu)
        .AddIntentPhrases(AssistantPhrases.All, AssistantPhrases.Examples);
}
