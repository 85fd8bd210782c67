using SalesBot.Bot;

namespace SalesBot.Features.Clients.Conversation;

/// <summary>"nuevo cliente [nombre]": the client form, with the name filled in when given.</summary>
public sealed class NewClientCommand : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        ClientForm.Reply(turn, new ClientInput(input.Text, null, null, null, null, null, null, null), error: null);
        return Task.CompletedTask;
    }
}

/// <summary>The client form's Save button. Bad data shows the form again with what was typed and why.</summary>
/// <remarks>The turn commits once, at its end: a NIT saved meanwhile by someone else makes the commit fail and the turn run again, which then finds it.</remarks>
public sealed class CreateClientCommand(CreateClient createClient) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var submitted = new ClientInput(input.Field("name"), input.Field("nit"), input.Field("segment"), input.Field("status"),
            null, input.Field("address"), input.Field("city"), input.Field("leadSource"),
            input.Field("contactName"), input.Field("contactRole"), input.Field("contactEmail"), input.Field("contactPhone"));
        var (client, errors) = await createClient.ExecuteAsync(turn.Actor, submitted, ct);
        if (client is null)
        {
            ClientForm.Reply(turn, submitted, string.Join(" ", errors.Select(e => ClientText.Error(turn, e))));
            return;
        }
        turn.ReplyText(turn.T("clients.created", client.Name, client.TaxId is { } nit ? " (NIT " + Nit.Format(nit) + ")" : ""));
    }
}

/// <summary>"buscar cliente ferretería", "mis clientes": the clients the user may see that match.</summary>
public sealed class SearchClientsCommand(SearchClients search) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var query = input.Field("query") ?? input.Text;
        // A shared card's "Abrir en SalesBot" names the client by id: the whole record, for whoever clicks and may see it.
        Result<IReadOnlyList<ClientSummary>> result;
        if (Guid.TryParse(input.Field("clientId"), out var id))
        {
            var one = await search.ByIdAsync(turn.Actor, id, ct);
            result = one.Ok ? new[] { one.Value! } : one.Error!;
            query = one.Value?.Name;
        }
        else result = await search.ExecuteAsync(turn.Actor, query, SearchClients.DefaultTake, ct);
        if (!result.Ok)
        {
            turn.ReplyText(ClientText.Error(turn, result.Error!));
            return;
        }
        var clients = result.Value!;
        var title = string.IsNullOrWhiteSpace(query) ? turn.T("clients.listTitleMine") : turn.T("clients.listTitle", TextPreview.Of(query));
        var summary = clients.Count switch
        {
            0 => turn.T("clients.none"),
            SearchClients.DefaultTake => turn.T("clients.many", clients.Count),
            var n => turn.T("clients.found", n),
        };
        turn.ReplyCard("client-list", new
        {
            title,
            summary,
            clients = clients.Select(c => new { name = c.Name, facts = ClientText.Facts(turn, c) }),
            actions = new[] { new { title = turn.T("action.clients.new"), command = ClientActions.New } },
        });
    }
}
