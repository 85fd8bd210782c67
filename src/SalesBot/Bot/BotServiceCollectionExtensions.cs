using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Teams.Hosting;

namespace SalesBot.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>The conversation front door: turn pipeline, command routing, cards, languages.</summary>
    public static IServiceCollection AddSalesBotConversation(this IServiceCollection services)
    {
        services.AddSingleton<IBot, TurnPipeline>();
        services.AddSingleton(sp => new Localizer(sp.GetRequiredService<IOptions<OrganizationOptions>>().Value.SpanishCulture));
        services.AddSingleton(_ => new CardRenderer());
        services.AddSingleton<CommandRouter>();
        services.AddScoped<PersonalChat>();
        services.AddScoped<TrackedCards>();
        services.AddScoped<SharedConversations>();
        services.AddScoped<MessageExtension.MessageExtensions>();
        return services;
    }
}
