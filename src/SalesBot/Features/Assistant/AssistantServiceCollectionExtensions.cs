using SalesBot.Bot;
using SalesBot.Features.Assistant.Conversation;

namespace SalesBot.Features.Assistant;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>The assistant itself: understanding text, welcome, help, menu, language, profile.</summary>
    public static IServiceCollection AddAssistant(this IServiceCollection services)
    {
        services.AddScoped<SetLanguagePreference>();
        services.AddPhrases(AssistantActions.Phrases);
        services.AddAssistantIntents();
        services.AddConversationCommand<HelpCommand>(AssistantActions.Help, "command.help", ("action.help", 1000), help: new HelpTopic(HelpArea.Assistant, 1));
        services.AddConversationCommand<MenuCommand>(AssistantActions.Menu, "command.menu", help: new HelpTopic(HelpArea.Assistant, 2));
        services.AddConversationCommand<WelcomeCommand>(AssistantActions.Welcome);
        services.AddConversationCommand<LanguageCommand>(AssistantActions.Language, "command.language", ("action.language", 900), help: new HelpTopic(HelpArea.Assistant, 3));
        services.AddConversationCommand<ProfileCommand>(AssistantActions.Profile, "command.profile", ("action.profile", 800), help: new HelpTopic(HelpArea.Assistant, 4));
        return services;
    }
}
