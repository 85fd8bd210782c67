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
        services.AddScoped<ClientPicker>();
        services.AddScoped<ClientLifecycle>();
        services.AddScoped<ReassignClient>();
        services.AddScoped<ImportBilling>();
        services.AddScoped<ImportSignups>();
        services.AddPhrases(ClientActions.Phrases);
        services.AddClientIntents();
        services.AddConversationCommand<NewClientCommand>(ClientActions.New, "command.clients.new", ("action.clients.new", 110), help: new HelpTopic(HelpArea.ClientsAndVisits, 5));
        services.AddConversationCommand<CreateClientCommand>(ClientActions.Create);
        services.AddConversationCommand<SearchClientsCommand>(ClientActions.Search, "command.clients.search", ("action.clients.mine", 100), help: new HelpTopic(HelpArea.ClientsAndVisits, 4, HelpTopic.Anyone));
        services.AddConversationCommand<ClientLifecycleCommand>(ClientActions.Lifecycle, "command.clients.lifecycle", help: new HelpTopic(HelpArea.ClientsAndVisits, 8));
        services.AddConversationCommand<ReassignClientCommand>(ClientActions.Reassign, "command.clients.reassign",
            help: new HelpTopic(HelpArea.ClientsAndVisits, 9, HelpTopic.Leads));
        services.AddScoped<ISearchDataset, ClientSearchDataset>();
        services.AddScoped<Bot.MessageExtension.IRecordSource, ClientRecords>();
        return services;
    }
}
