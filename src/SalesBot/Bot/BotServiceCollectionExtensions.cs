using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Features.Assistant;
using SalesBot.Teams.Hosting;

namespace SalesBot.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>The conversation front door: turn pipeline, routing, cards, languages, and the assistant's own commands.</summary>
    public static IServiceCollection AddSalesBotConversation(this IServiceCollection services)
    {
        services.AddSingleton<IBot, TurnPipeline>();
        services.AddSingleton<Localizer>();
        services.AddSingleton(_ => new CardRenderer());
        services.AddScoped<CommandRouter>();
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
