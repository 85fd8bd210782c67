using SalesBot.Bot;
using SalesBot.Features.Assistant.Conversation;

namespace SalesBot.Features.Assistant;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>The assistant itself: understanding text, welcome, help, menu, language, profile.</summary>
    public static IServiceCollection AddAssistant(this IServiceCollection services)
    {
        services.AddSingleton<IIntentRecognizer, BuiltInRecognizer>();
        services.AddScoped<SetLanguagePreference>();
        services.AddConversationCommand<HelpCommand>("help", "command.help", ("action.help", 1000));
        services.AddConversationCommand<MenuCommand>("menu", "command.menu");
        services.AddConversationCommand<WelcomeCommand>("welcome");
        services.AddConversationCommand<LanguageCommand>("language", "command.language", ("action.language", 900));
        services.AddConversationCommand<ProfileCommand>("profile", "command.profile", ("action.profile", 800));
        return services;
    }
}
