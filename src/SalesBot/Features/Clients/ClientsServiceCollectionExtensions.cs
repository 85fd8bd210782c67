using SalesBot.Bot;
using SalesBot.Features.Clients.Conversation;

namespace SalesBot.Features.Clients;

public static class ClientsServiceCollectionExtensions
{
    /// <summary>The client portfolio: use cases, and the chat commands when the bot runs.</summary>
    public static IServiceCollection AddClients(this IServiceCollection services)
    {
        services.AddScoped<CreateClient>();
        services.AddScoped<SearchClients>();
        services.AddScoped<ImportClients>();
        services.AddScoped<SeedDemoClients>();
        services.AddScoped<IConversationCommand, NewClientCommand>();
        services.AddScoped<IConversationCommand, CreateClientCommand>();
        services.AddScoped<IConversationCommand, SearchClientsCommand>();
        services.AddScoped<ISearchDataset, ClientSearchDataset>();
        return services;
    }
}
