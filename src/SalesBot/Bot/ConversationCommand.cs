using System.Text.Json.Nodes;

namespace SalesBot.Bot;

/// <summary>
/// One thing a user can ask for, by typing (the recognizer maps text to its name) or by pressing
/// a card button whose data says {"command": name}. Features register theirs with
/// <see cref="ConversationCommands.AddConversationCommand{T}"/>; the router, help card and menu
/// are built from the registrations, and only the command a turn asks for is created.
/// </summary>
public interface IConversationCommand
{
    Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct);
}

/// <summary>
/// A registered command. <see cref="HelpKey"/>: localisation key of the command word in help
/// ("{HelpKey}.description" its text), null to leave it out; <see cref="MenuTitleKey"/>: its
/// menu button, null to leave it out of the menu.
/// </summary>
public sealed record CommandDescriptor(string Name, Type Handler, string? HelpKey, string? MenuTitleKey, int MenuOrder);

public static class ConversationCommands
{
    public static IServiceCollection AddConversationCommand<T>(this IServiceCollection services, string name,
        string? helpKey = null, (string TitleKey, int Order)? menu = null) where T : class, IConversationCommand
    {
        services.AddScoped<T>();
        services.AddSingleton(new CommandDescriptor(name, typeof(T), helpKey, menu?.TitleKey, menu?.Order ?? int.MaxValue));
        return services;
    }
}

/// <summary>What came with the command: the remaining text, or the submitted card data.</summary>
public sealed record CommandInput(string? Text, JsonObject? Data)
{
    public static readonly CommandInput Empty = new(null, null);

    public string? Field(string name) =>
        Data?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
