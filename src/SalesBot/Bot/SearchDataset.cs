namespace SalesBot.Bot;

/// <summary>
/// A dataset a card's type-ahead picker searches (Input.ChoiceSet with choices.data
/// {type: "Data.Query", dataset: Name}). Results are only what the user may see.
/// </summary>
public interface ISearchDataset
{
    string Name { get; }

    Task<IReadOnlyList<(string Title, string Value)>> SearchAsync(BotTurn turn, string query, int skip, int top, CancellationToken ct);
}
