using System.Collections.Frozen;

namespace SalesBot.Bot;

/// <summary>The route table from command name to its registration; the handler is created per use, in the turn's scope.</summary>
public sealed class CommandRouter
{
    private readonly FrozenDictionary<string, CommandDescriptor> _commands;

    public CommandRouter(IEnumerable<CommandDescriptor> commands)
    {
        _commands = commands.ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<CommandDescriptor> All => _commands.Values;

    public CommandDescriptor? Find(string? name) =>
        name is not null && _commands.TryGetValue(name, out var command) ? command : null;

    public static IConversationCommand Create(IServiceProvider scope, CommandDescriptor command) =>
        (IConversationCommand)scope.GetRequiredService(command.Handler);
}
