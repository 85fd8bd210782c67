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
public sealed record CommandDescriptor(string Name, Type Handler, string? HelpKey, string? MenuTitleKey, int MenuOrder, HelpTopic? Help = null);

/// <summary>Where the help card lists a command and who sees it there.</summary>
public enum HelpArea
{
    ClientsAndVisits,
    PipelineAndOffers,
    Approvals,
    Pqrs,
    Indicators,
    Assistant,
}

/// <summary>
/// A command's place in the help card: its area, the roles that can use it (any of them; the
/// assistant's own commands are for everyone) and its rank within the area: the first few of each
/// area fit the short help, the rest wait behind "ver todo".
/// </summary>
/// <param name="FirstStepFor">The roles whose welcome offers this command as one of their first three steps.</param>
public sealed record HelpTopic(HelpArea Area, int Rank, Role Audience = HelpTopic.Sales, Role FirstStepFor = Role.None)
{
    /// <summary>Everyone who sells or leads sellers (not customer service alone).</summary>
    public const Role Sales = Role.Executive | Role.TeamLead | Role.CommercialDirector | Role.GeneralDirector | Role.Admin;

    public const Role Leads = Role.TeamLead | Role.CommercialDirector | Role.GeneralDirector | Role.Admin;

    public const Role Anyone = Sales | Role.CustomerService;

    public bool IsFor(Role roles) => Area == HelpArea.Assistant || (roles & Audience) != 0;

    /// <summary>The role a welcome speaks to when a person holds several: the one with the widest view.</summary>
    public static Role PrimaryOf(Role roles) =>
        new[] { Role.GeneralDirector, Role.CommercialDirector, Role.TeamLead, Role.Executive, Role.CustomerService, Role.Admin }
            .FirstOrDefault(r => (roles & r) != 0);
}

/// <summary>An Action.Execute verb and the handler that answers it with a card.</summary>
public sealed record CardActionDescriptor(string Verb, Type Handler);

/// <summary>The phrases of one feature, each naming the action it asks for (matched after folding case, accents and punctuation).</summary>
public sealed record PhraseSet(IReadOnlyList<(string Phrase, string Action)> Entries);

public static class ConversationCommands
{
    public static IServiceCollection AddConversationCommand<T>(this IServiceCollection services, string name,
        string? helpKey = null, (string TitleKey, int Order)? menu = null, HelpTopic? help = null) where T : class, IConversationCommand
    {
        services.AddScoped<T>();
        services.AddSingleton(new CommandDescriptor(name, typeof(T), helpKey, menu?.TitleKey, menu?.Order ?? int.MaxValue, help));
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
