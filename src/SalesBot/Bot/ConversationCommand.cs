using System.Text.Json.Nodes;

namespace SalesBot.Bot;

/// <summary>
/// One thing a user can ask for, by typing (the recognizer maps text to its name) or by pressing
/// a card button whose data says {"command": name}. Features register theirs with
/// <see cref="ConversationCommands.AddConversationCommand{T}"/>, their Action.Execute verbs with
/// <see cref="ConversationCommands.AddCardAction{T}"/> and their phrases with
/// <see cref="ConversationCommands.AddPhrases"/>; the router, recognizer, help card and menu are
/// built from the registrations, and only the handler a turn asks for is created.
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

/// <summary>An Action.Execute verb and the handler that answers it with a card.</summary>
public sealed record CardActionDescriptor(string Verb, Type Handler);

/// <summary>The phrases of one feature, each naming the action it asks for (matched after folding case, accents and punctuation).</summary>
public sealed record PhraseSet(IReadOnlyList<(string Phrase, string Action)> Entries);

public static class ConversationCommands
{
    public static IServiceCollection AddConversationCommand<T>(this IServiceCollection services, string name,
        string? helpKey = null, (string TitleKey, int Order)? menu = null) where T : class, IConversationCommand
    {
        services.AddScoped<T>();
        services.AddSingleton(new CommandDescriptor(name, typeof(T), helpKey, menu?.TitleKey, menu?.Order ?? int.MaxValue));
        return services;
    }

    /// <summary>Action.Execute verbs answered by <typeparamref name="T"/> (each verb its own name, like a command's).</summary>
    public static IServiceCollection AddCardAction<T>(this IServiceCollection services, params string[] verbs) where T : class, ICardActionHandler
    {
        services.AddScoped<T>();
        foreach (var verb in verbs) services.AddSingleton(new CardActionDescriptor(verb, typeof(T)));
        return services;
    }

    /// <summary>A feature's phrases, for the built-in recognizer.</summary>
    public static IServiceCollection AddPhrases(this IServiceCollection services, PhraseSet phrases) => services.AddSingleton(phrases);
}

/// <summary>What came with the command: the remaining text, or the submitted card data.</summary>
public sealed record CommandInput(string? Text, JsonObject? Data)
{
    public static readonly CommandInput Empty = new(null, null);

    public string? Field(string name) =>
        Data?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
