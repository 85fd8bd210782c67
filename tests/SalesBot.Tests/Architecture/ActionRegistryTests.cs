namespace SalesBot.Tests.Architecture;

/// <summary>
/// One action registry: every phrase a feature registers, every Action.Execute verb and every
/// "command" value in the card templates and their samples resolves to a registered handler, and a
/// card button's Action.Submit fallback carries the same name and title as its Action.Execute.
/// </summary>
public sealed class ActionRegistryTests
{
    private static readonly string CardsDirectory = Path.Combine(AppContext.BaseDirectory, "cards");

    private static IEnumerable<(string File, JsonObject Node)> CardObjects() =>
        Directory.GetFiles(CardsDirectory, "*.json").SelectMany(file => Objects(JsonNode.Parse(File.ReadAllText(file))).Select(o => (Path.GetFileName(file), o)));

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Objects(p.Value)).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool Templated(string value) => value.Contains("${", StringComparison.Ordinal);

    [Fact]
    public void Every_registered_phrase_is_recognized_as_its_own_action_and_that_action_is_registered()
    {
        var router = Registry.Router;
        var vocabulary = Registry.Recognizer.Vocabulary;

        Assert.True(vocabulary.Count > 100, $"{vocabulary.Count} phrases");
        Assert.All(vocabulary, v =>
        {
            Assert.NotNull(router.Find(v.Command));
            Assert.Equal(v.Command, Registry.Recognizer.Recognize(v.Phrase)?.Command);
        });
        Assert.Empty(vocabulary.GroupBy(v => v.Phrase).Where(g => g.Select(v => v.Command).Distinct().Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Every_verb_and_command_in_the_cards_and_their_samples_is_registered()
    {
        var router = Registry.Router;
        var objects = CardObjects().ToList();
        var verbs = objects.Select(o => (o.File, Value: Text(o.Node, "verb"))).Where(v => v.Value is not null && !Templated(v.Value)).ToList();
        var commands = objects.Select(o => (o.File, Value: Text(o.Node, "command"))).Where(c => c.Value is not null && !Templated(c.Value)).ToList();

        Assert.NotEmpty(verbs);
        Assert.True(commands.Count > 10, $"{commands.Count} command values");
        // A verb is a card action (answered with a card), or a form's command run through Action.Execute.
        Assert.All(verbs, v => Assert.True(router.FindCardAction(v.Value) is not null || router.Find(v.Value) is not null, $"{v.File}: verb {v.Value} is not registered"));
        Assert.All(commands, c => Assert.True(router.Find(c.Value) is not null, $"{c.File}: command {c.Value} is not registered"));
    }

    [Fact]
    public void An_Action_Execute_button_falls_back_to_an_Action_Submit_of_the_same_name_and_title()
    {
        var buttons = CardObjects().Where(o => Text(o.Node, "type") == "Action.Execute" && o.Node["fallback"] is not null).ToList();

        Assert.NotEmpty(buttons);
        Assert.All(buttons, b =>
        {
            var fallback = b.Node["fallback"]!.AsObject();
            Assert.Equal("Action.Submit", Text(fallback, "type"));
            Assert.Equal(Text(b.Node, "title"), Text(fallback, "title"));
            // Data bound whole ("${submitData}", buttons a feature adds): checked on the card rendered from its sample.
            if (fallback["data"] is JsonValue bound)
            {
                Assert.True(Templated(bound.GetValue<string>()), b.File);
                AssertRenderedFallbacks(b.File);
                return;
            }
            Assert.Equal(Text(b.Node, "verb"), Text(fallback["data"]!.AsObject(), "command"));
        });
    }

    private static void AssertRenderedFallbacks(string template)
    {
        var name = template[..^".json".Length];
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "cards", name + ".data.json")))!;
        var rendered = Objects(new Bot.Cards.CardRenderer(CardsDirectory).Render(name, sample))
            .Where(o => Text(o, "type") == "Action.Execute").ToList();
        Assert.NotEmpty(rendered);
        Assert.All(rendered, button =>
        {
            var fallback = button["fallback"]!.AsObject();
            Assert.Equal(Text(button, "title"), Text(fallback, "title"));
            Assert.Equal(Text(button, "verb"), Text(fallback["data"]!.AsObject(), "command"));
        });
    }

    [Fact]
    public void Every_card_action_verb_is_also_a_command_when_a_button_can_fall_back_to_it()
    {
        var router = Registry.Router;
        var buttonVerbs = router.CardActions.Select(a => a.Verb).Where(v => !v.EndsWith(".refresh", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(buttonVerbs);
        Assert.All(buttonVerbs, v => Assert.True(router.Find(v) is not null, $"{v} has no Action.Submit fallback command"));
    }
}
