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
        services.AddScoped<IConversationCommand, HelpCommand>();
        services.AddScoped<IConversationCommand, MenuCommand>();
        services.AddScoped<IConversationCommand, WelcomeCommand>();
        services.AddScoped<IConversationCommand, LanguageCommand>();
        services.AddScoped<IConversationCommand, ProfileCommand>();
        return services;
    }
}
