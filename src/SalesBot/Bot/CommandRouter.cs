using System.Collections.Frozen;

namespace SalesBot.Bot;

/// <summary>The route table from command name to handler.</summary>
public sealed class CommandRouter
{
    private readonly FrozenDictionary<string, IConversationCommand> _commands;

    public CommandRouter(IEnumerable<IConversationCommand> commands)
    {
        _commands = commands.ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<IConversationCommand> All => _commands.Values;

    public IConversationCommand? Find(string? name) =>
        name is not null && _commands.TryGetValue(name, out var command) ? command : null;
}
