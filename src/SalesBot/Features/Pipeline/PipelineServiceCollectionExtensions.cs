using SalesBot.Bot;
using SalesBot.Features.Pipeline.Conversation;

namespace SalesBot.Features.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The pipeline: opportunities, their stage machine and history, and the chat commands.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PipelineOptions>>(new ValidateOptions<PipelineOptions>(null, o => o.Problem() is null,
            "Pipeline:Probabilities must name open stages (Hunting, Qualification, Proposal, Negotiation) with values from 0 to 100"));
        services.AddScoped<CreateOpportunity>();
        services.AddScoped<EditOpportunity>();
        services.AddScoped<MoveOpportunity>();
        services.AddScoped<ViewPipeline>();
        services.AddScoped<OpportunityHistory>();
        services.AddScoped<Infrastructure.Data.IDataBackfill, StageHistoryBackfill>();
        services.AddScoped<ImportOpportunities>();
        services.AddScoped<FindOpportunities>();
        services.AddScoped<DealPicker>();
        services.AddScoped<OpportunityForm>();
        services.AddScoped<PipelineReply>();
        services.AddScoped<StageChangeReply>();
        services.AddPhrases(OpportunityActions.Phrases);
        services.AddOpportunityIntents();
        services.AddConversationCommand<MyPipelineCommand>(OpportunityActions.Pipeline, "command.opportunities.pipeline", ("action.opportunities.pipeline", 150), help: new HelpTopic(HelpArea.PipelineAndOffers, 1));
        services.AddConversationCommand<NewOpportunityCommand>(OpportunityActions.New, "command.opportunities.new", ("action.opportunities.new", 160), help: new HelpTopic(HelpArea.PipelineAndOffers, 2, HelpTopic.Sales, Role.Executive));
        services.AddConversationCommand<TeamPipelineCommand>(OpportunityActions.Team, "command.opportunities.team", help: new HelpTopic(HelpArea.PipelineAndOffers, 8, HelpTopic.Leads, Role.TeamLead | Role.CommercialDirector | Role.GeneralDirector | Role.Admin));
        services.AddConversationCommand<MoveStageCommand>(OpportunityActions.Move, "command.opportunities.move", help: new HelpTopic(HelpArea.PipelineAndOffers, 4));
        services.AddConversationCommand<MarkLostCommand>(OpportunityActions.Lost, "command.opportunities.lost", help: new HelpTopic(HelpArea.PipelineAndOffers, 5));
        services.AddConversationCommand<EditOpportunityFormCommand>(OpportunityActions.Edit, "command.opportunities.edit", help: new HelpTopic(HelpArea.PipelineAndOffers, 6));
        services.AddConversationCommand<OpportunityHistoryCommand>(OpportunityActions.History, "command.opportunities.history", help: new HelpTopic(HelpArea.PipelineAndOffers, 7));
        services.AddScoped<Bot.MessageExtension.IRecordSource, DealRecords>();
        services.AddConversationCommand<SaveOpportunityCommand>(OpportunityActions.Save);
        return services;
    }
}
