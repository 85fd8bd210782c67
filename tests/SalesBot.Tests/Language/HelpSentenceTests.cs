using SalesBot.Tests.Support;
using System.Text.Json.Nodes;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Language;

namespace SalesBot.Tests.Language;

/// <summary>
/// The help card's example sentences are true: each, read by the built-in recognizer in its
/// language, reaches the very command it illustrates through the intent routes the features register.
/// </summary>
public sealed class HelpSentenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(-5));

    public static TheoryData<string, string> Sentences()
    {
        var data = new TheoryData<string, string>();
        var localizer = new Localizer();
        foreach (var language in Localizer.Languages)
            foreach (var key in localizer.Keys(language).Where(k => k.StartsWith("command.", StringComparison.Ordinal) && k.EndsWith(".sentence", StringComparison.Ordinal)))
                data.Add(language, key);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Each_example_sentence_reaches_its_command(string language, string key)
    {
        var localizer = new Localizer();
        var command = key["command.".Length..^".sentence".Length];
        var sentence = localizer.Get(language, key);
        var reading = Registry.Understanding.Read(sentence, new ReadingContext(language == "en" ? "en-US" : "es-CO", Now));
        var routes = Registry.Services.GetRequiredService<IntentRoutes>();
        var route = routes.For(reading.Intent);
        Assert.True(route is not null, $"«{sentence}» reads as {reading.Intent}, which no feature answers");
        // Said in a team channel, where every command may be asked (the digest is set up only there).
        var inChannel = new SalesBot.Teams.Hosting.TurnContext(new SalesBot.Teams.Schema.Activity
        {
            Conversation = new SalesBot.Teams.Schema.ConversationAccount { Id = "19:c@thread.tacv2", ConversationType = "channel" },
        }, null);
        var turn = new BotTurn(inChannel, localizer, null!, language, null, Actor.CommandLine("test"), "help-sentences");
        var call = route.Call(reading, turn);
        Assert.True(call is not null, $"«{sentence}» reads as {reading.ToJson()}, too little for its command");
        Assert.True(call.Action == command, $"«{sentence}» reaches {call.Action}, not {command} ({reading.ToJson()})");
    }

    [Fact]
    public void Every_language_has_the_same_sentences() =>
        Assert.Equal(Sentences().Where(r => (string)r[0] == "es").Select(r => (string)r[1]).Order(), Sentences().Where(r => (string)r[0] == "en").Select(r => (string)r[1]).Order());
}

/// <summary>
/// The typed examples of the help card keep their meaning now that sentences are read: each is
/// still its command, and what the reader makes of it is nothing, an intent no feature answers, or
/// the intent of that very command (else the sentence route would take it elsewhere).
/// </summary>
public sealed class TypedExampleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(-5));

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        var localizer = new Localizer();
        foreach (var language in Localizer.Languages)
            foreach (var key in localizer.Keys(language).Where(k => k.StartsWith("command.", StringComparison.Ordinal) && k.EndsWith(".example", StringComparison.Ordinal)))
                data.Add(language, key);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_typed_example_stays_its_command(string language, string key)
    {
        var localizer = new Localizer();
        var example = localizer.Get(language, key);
        var typed = Registry.Recognizer.Recognize(example);
        Assert.True(typed is not null, $"«{example}» is no command");
        var routes = Registry.Services.GetRequiredService<IntentRoutes>();
        if (!routes.Understands(typed.Command)) return;
        var reading = Registry.Understanding.Read(example, new ReadingContext(language == "en" ? "en-US" : "es-CO", Now));
        Assert.True(reading.Intent == NluIntents.None || routes.For(reading.Intent) is null || routes.Means(typed.Command, reading.Intent) || typed.Remainder.Length == 0,
            $"«{example}» is {typed.Command}, but reads as {reading.Intent}: the sentence route would take it elsewhere");
    }
}
