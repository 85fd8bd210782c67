using System.Collections.Frozen;

namespace SalesBot.Bot;

/// <summary>
/// The one route table: command names (typed, or a card's "command" value) and Action.Execute
/// verbs to their registrations, each found by its exact name. The handler is created per use, in
/// the turn's scope.
/// </summary>
public sealed class CommandRouter
{
    private readonly FrozenDictionary<string, CommandDescriptor> _commands;
    private readonly FrozenDictionary<string, CardActionDescriptor> _cardActions;

    public CommandRouter(IEnumerable<CommandDescriptor> commands, IEnumerable<CardActionDescriptor> cardActions)
    {
        _commands = commands.ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        _cardActions = cardActions.ToFrozenDictionary(a => a.Verb, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<CommandDescriptor> All => _commands.Values;

    public IReadOnlyCollection<CardActionDescriptor> CardActions => _cardActions.Values;

    public CommandDescriptor? Find(string? name) =>
        name is not null && _commands.TryGetValue(name, out var command) ? command : null;

    public CardActionDescriptor? FindCardAction(string? verb) =>
        verb is not null && _cardActions.TryGetValue(verb, out var action) ? action : null;

    public static IConversationCommand Create(IServiceProvider scope, CommandDescriptor command) =>
        (IConversationCommand)scope.GetRequiredService(command.Handler);

    /// <summary>
    /// Runs a command for this turn, its answer going where it may land: in a channel or group chat,
    /// to the asker's 1:1 chat unless the command is one answered in place (<see cref="SharedConversations"/>).
    /// </summary>
    public static Task RunAsync(IServiceProvider scope, BotTurn turn, CommandDescriptor command, CommandInput input, CancellationToken ct)
    {
        turn.RepliesPrivately = SharedConversations.AnswersPrivately(turn.Activity, command.Name);
        return Create(scope, command).HandleAsync(turn, input, ct);
    }

    public static ICardActionHandler Create(IServiceProvider scope, CardActionDescriptor action) =>
        (ICardActionHandler)scope.GetRequiredService(action.Handler);
}
