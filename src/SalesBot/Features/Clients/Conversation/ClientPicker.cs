using SalesBot.Bot;

namespace SalesBot.Features.Clients.Conversation;

/// <summary>What a form's client picker resolved to: one client, or why the form must be shown again.</summary>
public sealed record ClientPick(ClientSummary? Client, string? Problem, IReadOnlyList<ClientSummary> Candidates, string? Query)
{
    /// <param name="query">what the user typed to find it, kept in the box if the form comes back for another reason.</param>
    public static ClientPick Chosen(ClientSummary client, string? query = null) => new(client, null, [], query);
}

/// <summary>
/// The client picker of every form that names a client. In Teams it is a type-ahead choice set
/// over the "clients" search dataset, so it scales to any portfolio. Where type-ahead is missing
/// (the Agents Playground, older clients) the user types a name or NIT in the box beside it; the
/// bot searches, takes the only match, or shows the form again with the matches to choose from.
/// Card templates put <c>picker</c> (this class's data) into an Input.ChoiceSet "clientId" and an
/// Input.Text "clientQuery".
/// </summary>
public sealed class ClientPicker(SearchClients search)
{
    /// <summary>How many clients the plain choice list offers: enough to pick from, few enough for any client.</summary>
    public const int ChoiceLimit = 15;

    /// <summary>The picker's card data: the chosen client (if any), the candidates to choose from, and the labels.</summary>
    public async Task<object> CardDataAsync(BotTurn turn, ClientPick? pick, CancellationToken ct)
    {
        var choices = pick?.Candidates is { Count: > 0 } candidates
            ? candidates
            : pick?.Client is { } chosen
                ? [chosen]
                : (await search.ExecuteAsync(turn.Actor, null, ChoiceLimit, ct)).Value ?? [];
        return new
        {
            label = turn.T("picker.client"),
            queryLabel = turn.T("picker.clientQuery"),
            queryHint = turn.T("picker.clientQueryHint"),
            value = pick?.Client?.Id.ToString() ?? "",
            query = pick?.Query ?? "",
            choices = choices.Select(c => new { title = Title(c), value = c.Id.ToString() }),
        };
    }

    /// <summary>
    /// The client the form's choice set picked, when nothing was typed to search (which would win):
    /// its id only, unchecked. A use case given it still decides whether the actor may see that client.
    /// </summary>
    public static Guid? PickedId(CommandInput input) =>
        string.IsNullOrWhiteSpace(input.Field("clientQuery")) && Guid.TryParse(input.Field("clientId")?.Trim(), out var id) ? id : null;

    /// <summary>Resolves what the form submitted: the typed name or NIT wins over a pick, since the user typed it last.</summary>
    public async Task<ClientPick> ResolveAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var query = input.Field("clientQuery")?.Trim();
        if (!string.IsNullOrEmpty(query)) return await SearchAsync(turn, query, ct);

        var picked = input.Field("clientId")?.Trim();
        if (string.IsNullOrEmpty(picked)) return new ClientPick(null, turn.T("picker.required"), [], null);
        if (!Guid.TryParse(picked, out var id)) return new ClientPick(null, turn.Describe(DomainError.NotFound("client", picked)), [], null);
        var found = await search.ByIdAsync(turn.Actor, id, ct);
        return found.Ok ? ClientPick.Chosen(found.Value!) : new ClientPick(null, turn.Describe(found.Error!), [], null);
    }

    /// <summary>
    /// The one client a sentence names ("cliente Ferretería El Sol …"), or null after telling the
    /// user why not (no match, or the matches to choose from).
    /// </summary>
    public async Task<ClientSummary?> NamedInTextAsync(BotTurn turn, string words, CancellationToken ct)
    {
        var pick = await SearchAsync(turn, words.Trim(), ct);
        if (pick.Client is null)
            turn.ReplyText(pick.Problem + (pick.Candidates.Count > 0 ? " " + string.Join(", ", pick.Candidates.Select(c => c.Name)) : ""));
        return pick.Client;
    }

    private async Task<ClientPick> SearchAsync(BotTurn turn, string query, CancellationToken ct)
    {
        var result = await search.ExecuteAsync(turn.Actor, query, ChoiceLimit + 1, ct);
        if (!result.Ok) return new ClientPick(null, turn.Describe(result.Error!), [], query);
        var matches = result.Value!;
        if (matches.Count == 1) return ClientPick.Chosen(matches[0], query);
        if (matches.Count == 0) return new ClientPick(null, turn.T("picker.noMatch", TextPreview.Of(query)), [], query);

        // "Ferretería El Sol" also matches "Ferretería El Sol del Norte": an exact name or NIT is the one meant.
        var folded = TextFolding.Fold(query);
        var digits = Nit.DigitsOf(query);
        var exact = matches.Where(c => TextFolding.Fold(c.Name) == folded || (digits.Length >= 5 && c.TaxId is { } nit && nit.StartsWith(digits) && digits.Length >= nit.Length - 1)).ToList();
        if (exact.Count == 1) return ClientPick.Chosen(exact[0], query);
        var shown = matches.Take(ChoiceLimit).ToList();
        var problem = matches.Count > ChoiceLimit
            ? turn.T("picker.tooMany", TextPreview.Of(query), ChoiceLimit)
            : turn.T("picker.several", shown.Count, TextPreview.Of(query));
        // The box comes back empty: what was typed has been turned into the list to pick from.
        return new ClientPick(null, problem, shown, null);
    }

    public static string Title(ClientSummary c) =>
        c.City is null ? c.Name : $"{c.Name} ({c.City})";
}
