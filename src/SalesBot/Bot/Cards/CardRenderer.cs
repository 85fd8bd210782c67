using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesBot.Teams.Schema;

namespace SalesBot.Bot.Cards;

/// <summary>
/// Renders the templates in cards/ (shipped beside the app) with view data. Templates are read
/// and prepared once; the data objects are serialised camelCase so C# records match the
/// template's names; a card sent alike by many turns is bound once (<see cref="RenderedCards"/>).
/// </summary>
public sealed class CardRenderer
{
    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web);
    private readonly string _directory;
    private readonly ConcurrentDictionary<string, JsonNode> _templates = new();
    private readonly RenderedCards _rendered = new();
    private readonly ConcurrentDictionary<(string Template, string Key), string> _sharedData = new();

    public CardRenderer(string? directory = null)
    {
        _directory = directory ?? Path.Combine(AppContext.BaseDirectory, "cards");
    }

    /// <summary>Cards kept bound (see <see cref="RenderedCards"/>).</summary>
    public int KeptCards => _rendered.Count;

    public JsonNode Render(string template, object data) => RenderJson(template, Serialize(data));

    /// <summary>
    /// A card whose data depends on <paramref name="key"/> alone (the help in one language for one
    /// set of roles): <paramref name="data"/> is built and serialised the first time the key is
    /// asked for, and its JSON reused after that. For the help, building the data (its texts looked
    /// up and formatted) and serialising it were 4.6 % of an "ayuda" turn (perf).
    /// </summary>
    public JsonNode RenderShared(string template, string key, Func<object> data)
    {
        if (!_sharedData.TryGetValue((template, key), out var dataJson))
        {
            // Bounded like the cards: keys are few (languages x roles x variants), so this is a guard, not a policy.
            if (_sharedData.Count >= RenderedCards.MaxCards) _sharedData.Clear();
            dataJson = _sharedData.GetOrAdd((template, key), Serialize(data()));
        }
        return RenderJson(template, dataJson);
    }

    private static string Serialize(object data) => JsonSerializer.Serialize(data, data.GetType(), DataJson);

    private JsonNode RenderJson(string template, string dataJson)
    {
        if (_rendered.TryGet(template, dataJson, out var kept)) return JsonObject.Create(kept)!;
        var card = CardTemplateBinder.Bind(Template(template), JsonNode.Parse(dataJson)!);
        LiveLinks.DefuseCard(card);
        _rendered.Offer(template, dataJson, () => JsonSerializer.SerializeToElement(card));
        return card;
    }

    public Attachment RenderAttachment(string template, object data) => Attachment.AdaptiveCard(Render(template, data));

    private JsonNode Template(string name) => _templates.GetOrAdd(name, n =>
    {
        var path = Path.Combine(_directory, n + ".json");
        if (!File.Exists(path)) throw new FileNotFoundException($"Card template '{n}' not found in {_directory}", path);
        return CardTemplateBinder.Prepare(JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"Card template '{n}' is empty"));
    });
}
