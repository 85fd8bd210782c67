using SalesBot.Features.Language.Conversation;
using Microsoft.Extensions.Configuration;
using SalesBot.Bot;
using SalesBot.Features;
using SalesBot.Features.Assistant.Conversation;
using SalesBot.Features.Language;

namespace SalesBot.Tests.Support;

/// <summary>The features' registrations as the bot makes them (names, verbs, phrases), without a host.</summary>
public static class Registry
{
    private static readonly Lazy<ServiceProvider> Features = new(() =>
        new ServiceCollection().AddSalesBotConversation().AddSalesBotFeatures(new ConfigurationBuilder().Build()).BuildServiceProvider());

    public static CommandRouter Router => Features.Value.GetRequiredService<CommandRouter>();

    /// <summary>The registrations themselves (intent routes, phrase sets...).</summary>
    public static IServiceProvider Services => Features.Value;

    /// <summary>The built-in recognizer over every feature's phrases.</summary>
    public static BuiltInRecognizer Recognizer { get; } = new(Features.Value.GetServices<PhraseSet>());

    /// <summary>The built-in reading of a sentence, over every feature's intent phrases.</summary>
    public static BuiltInUnderstanding Understanding => Features.Value.GetRequiredService<BuiltInUnderstanding>();
}
