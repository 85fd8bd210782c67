using SalesBot.Bot;

namespace SalesBot.Features.Clients.Conversation;

/// <summary>
/// The "clients" dataset of the type-ahead client picker: the clients the user may see whose name
/// or NIT matches what they typed. The value is the client id a form submits.
/// </summary>
public sealed class ClientSearchDataset(SearchClients search) : ISearchDataset
{
    public const string DatasetName = "clients";

    public string Name => DatasetName;

    public async Task<IReadOnlyList<(string Title, string Value)>> SearchAsync(BotTurn turn, string query, int skip, int top, CancellationToken ct)
    {
        var result = await search.ExecuteAsync(turn.Actor, query, skip + top, ct);
        if (!result.Ok) return [];
        return result.Value!.Skip(skip).Take(top)
            .Select(c => (ClientPicker.Title(c), c.Id.ToString()))
            .ToList();
    }
}
