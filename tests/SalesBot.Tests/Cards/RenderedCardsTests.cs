using SalesBot.Bot.Cards;

namespace SalesBot.Tests.Cards;

/// <summary>
/// The renderer keeps a card bound once its data comes back (<see cref="RenderedCards"/>): the
/// card from the store must be the card bound, each turn's copy its own, and data seen once never kept.
/// </summary>
public class RenderedCardsTests
{
    private static readonly string CardsDirectory = CardFiles.Directory;

    public static TheoryData<string> Templates() => CardFiles.Templates();

    private static JsonNode SampleData(string template) => CardFiles.SampleData(template);

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_card_kept_is_the_card_bound_and_each_render_gets_a_copy_of_its_own(string template)
    {
        var renderer = new CardRenderer(CardsDirectory);
        var bound = renderer.Render(template, SampleData(template));
        Assert.Equal(0, renderer.KeptCards);
        var second = renderer.Render(template, SampleData(template));
        Assert.Equal(1, renderer.KeptCards);
        var kept = renderer.Render(template, SampleData(template));

        Assert.True(JsonNode.DeepEquals(bound, second));
        Assert.True(JsonNode.DeepEquals(bound, kept), $"cards/{template}.json comes back changed from the store.\nbound: {bound}\nkept:  {kept}");

        // What one turn does to its card, deep or at the top, does not reach the next turn's.
        if (kept["body"] is JsonArray { Count: > 0 } body && body[0] is JsonObject first) first["changedByAnotherTurn"] = true;
        kept.AsObject()["body"] = new JsonArray();
        kept.AsObject().Add("changedByAnotherTurn", true);
        Assert.True(JsonNode.DeepEquals(bound, renderer.Render(template, SampleData(template))));
    }

    [Fact]
    public void A_kept_card_keeps_its_links_defused()
    {
        var renderer = new CardRenderer(CardsDirectory);
        var data = new { title = "Visit https://evil.example", message = "[click](https://evil.example)", correlationLabel = "id", correlationId = "abc" };
        renderer.Render("error", data);
        renderer.Render("error", data);
        var kept = renderer.Render("error", data).ToJsonString();

        Assert.Equal(1, renderer.KeptCards);
        Assert.DoesNotContain("https://", JsonNode.Parse(kept)!["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("](", JsonNode.Parse(kept)!["body"]![1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_seen_once_is_not_kept_and_the_store_stays_bounded()
    {
        var renderer = new CardRenderer(CardsDirectory);
        for (var i = 0; i < 100; i++)
            renderer.Render("error", new { title = "t", message = "m", correlationLabel = "id", correlationId = $"turn-{i}" });
        Assert.Equal(0, renderer.KeptCards);

        for (var i = 0; i < RenderedCards.MaxCards + 10; i++)
        {
            var data = new { title = "t", message = "m", correlationLabel = "id", correlationId = $"again-{i}" };
            renderer.Render("error", data);
            renderer.Render("error", data);
            Assert.InRange(renderer.KeptCards, 1, RenderedCards.MaxCards);
        }
    }

    [Fact]
    public void Shared_data_is_built_once_per_key_and_renders_the_card_its_data_renders()
    {
        var renderer = new CardRenderer(CardsDirectory);
        var built = new List<string>();
        object Data(string id)
        {
            built.Add(id);
            return new { title = "t", message = "m", correlationLabel = "id", correlationId = id };
        }

        var first = renderer.RenderShared("error", "a", () => Data("a"));
        var again = renderer.RenderShared("error", "a", () => Data("a-again"));
        var other = renderer.RenderShared("error", "b", () => Data("b"));

        Assert.Equal(["a", "b"], built);
        Assert.True(JsonNode.DeepEquals(renderer.Render("error", Data("a")), first));
        Assert.True(JsonNode.DeepEquals(first, again));
        Assert.Contains("\"b\"", other.ToJsonString(), StringComparison.Ordinal);
        // Each render still gets a card of its own.
        again.AsObject().Add("changedByAnotherTurn", true);
        Assert.True(JsonNode.DeepEquals(first, renderer.RenderShared("error", "a", () => Data("never"))));
    }

    [Fact]
    public void Large_data_is_bound_every_time()
    {
        var renderer = new CardRenderer(CardsDirectory);
        var data = new { title = "t", message = new string('x', RenderedCards.MaxDataLength), correlationLabel = "id", correlationId = "abc" };
        for (var i = 0; i < 3; i++) renderer.Render("error", data);
        Assert.Equal(0, renderer.KeptCards);
    }
}
