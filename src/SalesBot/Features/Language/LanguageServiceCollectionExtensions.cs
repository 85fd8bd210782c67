using SalesBot.Bot;
using SalesBot.Features.Language.Conversation;

namespace SalesBot.Features.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Natural language: the reader (built-in), what a turn is read against, the answer to a
    /// sentence, and the confirmation card's commands. Each feature registers the intents it answers.
    /// </summary>
    public static IServiceCollection AddLanguage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IIntentRecognizer, BuiltInRecognizer>();
        services.AddOptions<AzureOpenAIOptions>().Bind(configuration.GetSection(AzureOpenAIOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AzureOpenAIOptions>, AzureOpenAIOptionsValidation>();
        // The schema offers the model the intents some feature answers, and none.
        services.AddSingleton(sp => MessageReaders.Create(sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value,
            sp.GetRequiredService<IntentRoutes>().Intents, sp.GetRequiredService<BuiltInUnderstanding>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IntentClassifier>();
        services.AddSingleton<BuiltInUnderstanding>();
        services.AddSingleton<IntentRoutes>();
        services.AddScoped<TurnReading>();
        services.AddScoped<SentenceAnswer>();
        services.AddConversationCommand<RunConfirmedCommand>(LanguageActions.Run);
        services.AddConversationCommand<DismissCommand>(LanguageActions.Dismiss);
        return services;
    }

    /// <summary>How a feature's intents are said (see <see cref="IntentPhrase"/>), and a few key words typical of each.</summary>
    public static IServiceCollection AddIntentPhrases(this IServiceCollection services, IEnumerable<IntentPhrase> phrases, IEnumerable<IntentExample> examples)
    {
        foreach (var phrase in phrases) services.AddSingleton(phrase);
        foreach (var example in examples) services.AddSingleton(example);
        return services;
    }
}
