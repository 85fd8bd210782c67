using SalesBot.Bot;

namespace SalesBot.Features.Indicators;

public static class IndicatorsServiceCollectionExtensions
{
    /// <summary>Goals and the indicator engine (the chat and the monthly report build on them).</summary>
    public static IServiceCollection AddIndicators(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IndicatorOptions>().Bind(configuration.GetSection(IndicatorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IndicatorOptions>>(new ValidateOptions<IndicatorOptions>(null, o => o.Problem() is null,
            "Indicators: the band thresholds are inconsistent (see README, Indicators)"));
        services.AddLinks(configuration);
        services.AddSingleton<IndicatorChartLinks>();
        services.AddScoped<IndicatorPeople>();
        services.AddScoped<GoalBook>();
        services.AddScoped<IndicatorEngine>();
        services.AddScoped<ImportGoals>();
        services.AddScoped<ReadIndicators>();
        services.AddScoped<ReadGoals>();
        services.AddPhrases(Conversation.IndicatorActions.Phrases);
        Conversation.IndicatorIntents.AddIndicatorIntents(services);
        services.AddConversationCommand<Conversation.IndicatorsCommand>(Conversation.IndicatorActions.All, "command.indicators.all", ("action.indicators.all", 230),
            help: new HelpTopic(HelpArea.Indicators, 0, HelpTopic.Sales, Role.CommercialDirector | Role.GeneralDirector));
        services.AddConversationCommand<Conversation.IndicatorCommand>(Conversation.IndicatorActions.One, "command.indicators.one",
            help: new HelpTopic(HelpArea.Indicators, 1));
        services.AddConversationCommand<Conversation.GoalsCommand>(Conversation.IndicatorActions.Goals, "command.indicators.goals",
            help: new HelpTopic(HelpArea.Indicators, 2));
        return services;
    }
}
