using System.Text.Json.Nodes;

namespace SalesBot.Bot;

/// <summary>
/// One thing a user can ask for, by typing (the recognizer maps text to <see cref="Name"/>) or by
/// pressing a card button whose data says {"command": Name}. Features register theirs in DI; the
/// router, help card and menu are built from the registrations.
/// </summary>
public interface IConversationCommand
{
    string Name { get; }

    /// <summary>Localisation key prefix for help: "{HelpKey}" is the command word, "{HelpKey}.description" the text. Null: not listed.</summary>
    string? HelpKey { get; }

    /// <summary>Localisation key of the menu button, and its position; null: not in the menu.</summary>
    (string TitleKey, int Order)? Menu { get; }

    Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct);
}

/// <summary>What came with the command: the remaining text, or the submitted card data.</summary>
public sealed record CommandInput(string? Text, JsonObject? Data)
{
    public static readonly CommandInput Empty = new(null, null);

    public string? Field(string name) =>
        Data?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
