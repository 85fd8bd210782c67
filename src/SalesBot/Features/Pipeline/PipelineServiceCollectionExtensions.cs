using Microsoft.Extensions.Options;
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
        services.AddScoped<OpportunityForm>();
        services.AddScoped<PipelineReply>();
        services.AddScoped<StageChangeReply>();
        services.AddConversationCommand<MyPipelineCommand>("opportunities.pipeline", "command.opportunities.pipeline", ("action.opportunities.pipeline", 150));
        services.AddConversationCommand<NewOpportunityCommand>("opportunities.new", "command.opportunities.new", ("action.opportunities.new", 160));
        services.AddConversationCommand<TeamPipelineCommand>("opportunities.team", "command.opportunities.team");
        services.AddConversationCommand<MoveStageCommand>("opportunities.move", "command.opportunities.move");
        services.AddConversationCommand<MarkLostCommand>("opportunities.lost", "command.opportunities.lost");
        services.AddConversationCommand<EditOpportunityFormCommand>("opportunities.edit", "command.opportunities.edit");
        services.AddConversationCommand<OpportunityHistoryCommand>("opportunities.history", "command.opportunities.history");
        services.AddConversationCommand<SaveOpportunityCommand>("opportunities.save");
        return services;
    }
}
