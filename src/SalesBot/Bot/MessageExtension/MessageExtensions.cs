using System.Text.Json;
using System.Text.Json.Nodes;
using SalesBot.Bot.Cards;
using SalesBot.Features.Shared;
using SalesBot.Teams.Schema;

namespace SalesBot.Bot.MessageExtension;

/// <summary>
/// The message extension's invokes, answered in the same HTTP response as Teams expects:
/// searching clients, deals and PQRs from the compose box (query, then selectItem for the chosen
/// row), unfurling a pasted record link (queryLink), and "Registrar visita" on a message (fetchTask
/// opens the form in a dialog, submitAction saves it). It works in any chat, most without the bot,
/// so nothing is ever posted there: a card the user inserts carries only what the privacy table
/// lets everyone in a conversation see, and anything else goes to the user's 1:1 chat.
/// </summary>
public sealed class MessageExtensions(
    IEnumerable<IRecordSource> sources,
    IEnumerable<IMessageAction> actions,
    IEnumerable<IRecordButtons> buttons,
    RecordLinks links,
    CardRenderer cards)
{
    /// <summary>Results per page: Teams asks for 25 at most.</summary>
    public const int MaxPage = 25;

    public const string RecordTemplate = "record";

    public Task<InvokeResponse> HandleAsync(string name, BotTurn turn, CancellationToken ct)
    {
        // Whatever a command replies beyond the dialog goes to the user's 1:1 chat, never to the conversation.
        turn.RepliesPrivately = true;
        return Route(name, turn, ct);
    }

    private Task<InvokeResponse> Route(string name, BotTurn turn, CancellationToken ct) => name switch
    {
        InvokeNames.ComposeQuery => QueryAsync(turn, ct),
        InvokeNames.ComposeSelectItem => SelectItemAsync(turn, ct),
        InvokeNames.ComposeQueryLink => QueryLinkAsync(turn, anonymous: false, ct),
        InvokeNames.ComposeAnonymousQueryLink => QueryLinkAsync(turn, anonymous: true, ct),
        InvokeNames.ComposeFetchTask => FetchTaskAsync(turn, ct),
        InvokeNames.ComposeSubmitAction => SubmitActionAsync(turn, ct),
        _ => Task.FromResult(BadRequest("Unknown message extension invoke")),
    };

    private async Task<InvokeResponse> QueryAsync(BotTurn turn, CancellationToken ct)
    {
        var query = ValueOf<ComposeQueryValue>(turn);
        var source = sources.FirstOrDefault(s => string.Equals(s.SearchCommandId, query?.CommandId, StringComparison.OrdinalIgnoreCase));
        if (query is null || source is null) return BadRequest("Unknown search command");
        if (!IsRegistered(turn)) return InvokeResponse.ComposeMessage(turn.T("extension.registerFirst"));
        var text = query.InitialRun ? "" : (query.Text ?? "").Trim();
        if (text.Length > TurnInput.MaxSearchQueryLength) return InvokeResponse.ComposeMessage(turn.T("input.searchTooLong", TurnInput.MaxSearchQueryLength));
        // Past the deepest page anyone scrolls to, the list just ends (clamping would repeat the last page forever).
        if (query.QueryOptions?.Skip > TurnInput.MaxSearchSkip) return InvokeResponse.ComposeResults([]);
        var skip = Math.Max(query.QueryOptions?.Skip ?? 0, 0);
        var count = Math.Clamp(query.QueryOptions?.Count ?? MaxPage, 1, MaxPage);
        var found = await source.SearchAsync(turn, text, skip, count, ct);
        if (!found.Ok) return InvokeResponse.ComposeMessage(turn.Describe(found.Error!));
        // Past the first page, an empty page just ends the list.
        if (found.Value!.Count == 0 && skip == 0)
            return InvokeResponse.ComposeMessage(text.Length == 0 ? turn.T("extension.nothingYet") : turn.T("extension.noMatch", TextPreview.Of(text)));
        return InvokeResponse.ComposeResults(found.Value.Select(view => Result(turn, source, view)));
    }

    private async Task<InvokeResponse> SelectItemAsync(BotTurn turn, CancellationToken ct)
    {
        var chosen = turn.Activity.Value as JsonObject;
        var source = sources.FirstOrDefault(s => s.Kind == Text(chosen, "kind"));
        if (source is null || !Guid.TryParse(Text(chosen, "id"), out var id)) return BadRequest("The chosen item names no record");
        if (!IsRegistered(turn)) return InvokeResponse.ComposeMessage(turn.T("extension.registerFirst"));
        // Chosen a moment ago from this user's own results, and still authorised again: access may have changed since.
        var found = await source.FindAsync(turn, id, ct);
        return found.Ok
            ? InvokeResponse.ComposeResults([Result(turn, source, found.Value!)])
            : InvokeResponse.ComposeMessage(turn.T("extension.notAvailable"));
    }

    /// <summary>
    /// A pasted record link: the record's shared card when the user who pasted it may see it, else
    /// a card that names nothing but offers to open it (each clicker is authorised on their own).
    /// A link that is not one of ours gets no preview.
    /// </summary>
    private async Task<InvokeResponse> QueryLinkAsync(BotTurn turn, bool anonymous, CancellationToken ct)
    {
        var url = ValueOf<ComposeQueryLinkValue>(turn)?.Url;
        if (links.Parse(url) is not { } record || sources.FirstOrDefault(s => s.Kind == record.Kind) is not { } source)
            return InvokeResponse.ComposeResults([]);
        if (!anonymous && IsRegistered(turn))
        {
            var found = await source.FindAsync(turn, record.Id, ct);
            if (found.Ok) return InvokeResponse.ComposeResults([Result(turn, source, found.Value!)], noCache: true);
        }
        var closed = new RecordView(record.Id, turn.T("extension.record." + record.Kind), turn.T("extension.openToSee"), []);
        return InvokeResponse.ComposeResults([new ComposeResult(Card(turn, source, closed, openOnly: true), closed.Title, closed.Summary)], noCache: true);
    }

    private async Task<InvokeResponse> FetchTaskAsync(BotTurn turn, CancellationToken ct)
    {
        var value = ValueOf<ComposeActionValue>(turn);
        var action = actions.FirstOrDefault(a => string.Equals(a.CommandId, value?.CommandId, StringComparison.OrdinalIgnoreCase));
        if (value is null || action is null) return BadRequest("Unknown action command");
        if (!IsRegistered(turn)) return InvokeResponse.TaskMessage(turn.T("extension.registerFirst"));
        var body = value.MessagePayload?.Body;
        // Plain text is encoded first so that its own "<" survives the same trimming and capping.
        var text = body?.ContentType == "text" ? MessageText.FromHtml(System.Net.WebUtility.HtmlEncode(body.Content ?? ""), action.MaxMessageText)
            : MessageText.FromHtml(body?.Content, action.MaxMessageText);
        await action.OpenAsync(turn, text, ct);
        return Dialog(turn, action) ?? InvokeResponse.TaskMessage(turn.T("extension.notAvailable"));
    }

    private async Task<InvokeResponse> SubmitActionAsync(BotTurn turn, CancellationToken ct)
    {
        if (!TurnInput.IsWithinBounds(turn.Activity.Value)) return InvokeResponse.TaskMessage(turn.T("input.cardTooLarge"));
        var value = ValueOf<ComposeActionValue>(turn);
        var action = actions.FirstOrDefault(a => string.Equals(a.CommandId, value?.CommandId, StringComparison.OrdinalIgnoreCase));
        if (value is null || action is null) return BadRequest("Unknown action command");
        if (!IsRegistered(turn)) return InvokeResponse.TaskMessage(turn.T("extension.registerFirst"));
        await action.SubmitAsync(turn, value.Data ?? [], ct);
        // The form again (something to correct) stays in the dialog; the outcome is said there and kept in the user's 1:1 chat.
        if (Dialog(turn, action, formsOnly: true) is { } again) return again;
        var said = turn.Context.Outgoing.Select(r => r.Text).FirstOrDefault(t => !string.IsNullOrEmpty(t));
        return InvokeResponse.TaskMessage(said ?? turn.T("extension.doneSentPrivately"));
    }

    /// <summary>The card a command replied with, as a dialog: its Action.Execute buttons become their Action.Submit fallbacks (a dialog submits).</summary>
    private static InvokeResponse? Dialog(BotTurn turn, IMessageAction action, bool formsOnly = false)
    {
        var reply = turn.Context.Outgoing.FirstOrDefault(r => r.Attachments is [{ ContentType: ContentTypes.AdaptiveCard, Content: { } }]);
        if (reply is null) return null;
        var card = reply.Attachments![0].Content!.DeepClone();
        if (formsOnly && !HasInputs(card)) return null;
        turn.Context.Withdraw(reply);
        SubmitInstead(card);
        return InvokeResponse.TaskCard(turn.T(action.TitleKey), card);
    }

    private static bool HasInputs(JsonNode? node) => node switch
    {
        JsonObject o => (o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type.StartsWith("Input.", StringComparison.Ordinal))
            || o.Any(p => HasInputs(p.Value)),
        JsonArray a => a.Any(HasInputs),
        _ => false,
    };

    private static void SubmitInstead(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonObject { } o && Text(o, "type") == "Action.Execute" && o["fallback"] is JsonObject fallback)
                        a[i] = fallback.DeepClone();
                    SubmitInstead(a[i]);
                }
                break;
            case JsonObject o:
                foreach (var (_, child) in o.ToList()) SubmitInstead(child);
                break;
        }
    }

    private ComposeResult Result(BotTurn turn, IRecordSource source, RecordView view) =>
        new(Card(turn, source, view), view.Title, view.Summary, new JsonObject { ["kind"] = source.Kind, ["id"] = view.Id.ToString("D") });

    /// <summary>The record's card as everyone in a conversation sees it: its shared fields, its link, and buttons that act as whoever clicks.</summary>
    /// <param name="openOnly">A record the user may not see: only the button that opens it, for whoever may.</param>
    public JsonNode Card(BotTurn turn, IRecordSource source, RecordView view, bool openOnly = false)
    {
        var link = links.UrlFor(source.Kind, view.Id);
        return cards.Render(RecordTemplate, new
        {
            title = view.Title,
            summary = view.Summary,
            facts = view.Facts.Select(f => new { label = f.Label, value = f.Value }),
            link = link ?? "",
            linkText = link is null ? "" : $"[{turn.T("extension.link")}]({link})",
            buttons = (openOnly ? [] : buttons.SelectMany(b => b.For(turn, source.Kind, view))).Prepend(source.OpenButton(turn, view.Id)).Select(b => new
            {
                title = b.Title,
                command = b.Command,
                data = b.Data,
                submitData = new JsonObject(b.Data.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).Prepend(KeyValuePair.Create("command", (JsonNode?)b.Command))),
            }),
        });
    }

    private static bool IsRegistered(BotTurn turn) => turn.Actor.Roles != Features.Organization.Role.None;

    private static T? ValueOf<T>(BotTurn turn) where T : class
    {
        try
        {
            return turn.Activity.Value?.Deserialize<T>(ActivityJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? o, string name) => o?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static InvokeResponse BadRequest(string message) => new(400, new JsonObject { ["error"] = message });
}
