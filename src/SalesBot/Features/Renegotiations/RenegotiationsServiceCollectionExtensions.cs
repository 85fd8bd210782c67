using SalesBot.Bot;
using SalesBot.Features.Renegotiations.Conversation;

namespace SalesBot.Features.Renegotiations;

public static class RenegotiationsServiceCollectionExtensions
{
    /// <summary>Renegotiation of running contracts (seed 004): areas consulted, proposal, client, contract change.</summary>
    public static IServiceCollection AddRenegotiations(this IServiceCollection services)
    {
        services.AddScoped<StartRenegotiation>();
        services.AddScoped<AnswerConsultation>();
        services.AddScoped<CloseRenegotiation>();
        services.AddScoped<SetAreaContact>();
        services.AddScoped<ReadRenegotiations>();
        services.AddScoped<SeedDemoAreas>();
        services.AddScoped<IRenegotiationNotifications, RenegotiationNotice>();
        services.AddScoped<PendingConsultations>();
        services.AddScoped<IPersonalChatOpened>(sp => sp.GetRequiredService<PendingConsultations>());
        services.AddPhrases(RenegotiationActions.Phrases);
        services.AddConversationCommand<RenegotiationCommand>(RenegotiationActions.Start, "command.renegotiations.start", help: new HelpTopic(HelpArea.PipelineAndOffers, 13));
        services.AddConversationCommand<RenegotiationsCommand>(RenegotiationActions.List, "command.renegotiations.list", help: new HelpTopic(HelpArea.PipelineAndOffers, 14, HelpTopic.Anyone));
        services.AddConversationCommand<AnswerConsultationCommand>(RenegotiationActions.Answer);
        return services;
    }
}
