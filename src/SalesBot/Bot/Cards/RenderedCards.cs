using System.Collections.Concurrent;
using System.Text.Json;

namespace SalesBot.Bot.Cards;

/// <summary>
/// Cards already bound, by template and data, kept as read-only JSON documents. Many turns send the
/// same card (the help, the menu, a role's welcome, in one language): binding it was the largest
/// single cost of an "ayuda" turn (bench/). Each turn gets a node of its own over the kept document
/// (<c>JsonObject.Create(JsonElement)</c>): nothing is parsed again, the reply's row is written
/// straight from the document, and a turn that changes its card changes its own copy, made at the
/// first change, never another turn's. Most cards carry a record's own values and are never asked
/// for twice: a card is kept only the second time its data is seen, and the store is bounded
/// (emptied when full, which a mostly repeated set of cards seldom reaches).
/// </summary>
public sealed class RenderedCards
{
    /// <summary>The most cards kept; the data seen once are bounded at four times as many.</summary>
    public const int MaxCards = 256;

    /// <summary>Data larger than this (a long list) is not worth keeping: it is bound each time.</summary>
    public const int MaxDataLength = 16 * 1024;

    private readonly ConcurrentDictionary<(string Template, string Data), JsonElement> _cards = new();
    // Only the data's hash: a collision merely keeps a card one sighting early.
    private readonly ConcurrentDictionary<(string Template, int DataHash), byte> _seenOnce = new();

    /// <summary>Cards kept now.</summary>
    public int Count => _cards.Count;

    public bool TryGet(string template, string data, out JsonElement card) => _cards.TryGetValue((template, data), out card!);

    /// <summary>
    /// A card just bound: kept if its data was seen before. <paramref name="card"/> is only
    /// called then, so a card sent once costs no serialisation.
    /// </summary>
    public void Offer(string template, string data, Func<JsonElement> card)
    {
        if (data.Length > MaxDataLength) return;
        if (_seenOnce.TryAdd((template, data.GetHashCode()), 0))
        {
            if (_seenOnce.Count > 4 * MaxCards) _seenOnce.Clear();
            return;
        }
        if (_cards.Count >= MaxCards) _cards.Clear();
        _cards.TryAdd((template, data), card());
    }
}
