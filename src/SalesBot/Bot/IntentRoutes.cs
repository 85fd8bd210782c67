using System.Collections.Frozen;
using SalesBot.Features.Language;

namespace SalesBot.Bot;

/// <summary>
/// The command that answers what a sentence asked, with its input: the text a user would have
/// typed after the command words, or the values a form opens with. <see cref="Typed"/> is that
/// typed command in full, for a write with no form of its own: it is shown on a card with Confirm
/// and Cancel, and runs only when confirmed.
/// </summary>
public sealed record IntentCall(string Action, CommandInput Input, string? Typed = null)
{
    public bool NeedsConfirmation => Typed is not null;
}

/// <summary>
/// One intent of the natural-language contract (NLU.md) and how a feature answers it. <see cref="Call"/>
/// turns what was read into a command call, or null when the reading lacks what the command needs.
/// <see cref="TypedAs"/>: the typed commands that already ask for this intent, so an exact command
/// keeps its meaning, and a sentence that merely starts like another command ("mover la visita
/// del martes al jueves" is not "mover" a deal) goes by what it says.
/// </summary>
public sealed record IntentRoute(string Intent, Func<Understanding, BotTurn, IntentCall?> Call, IReadOnlyList<string> TypedAs);

/// <summary>Every feature's intent routes, by intent.</summary>
public sealed class IntentRoutes(IEnumerable<IntentRoute> routes)
{
    private readonly FrozenDictionary<string, IntentRoute> _byIntent = routes.ToFrozenDictionary(r => r.Intent);

    public IntentRoute? For(string intent) => _byIntent.GetValueOrDefault(intent);

    /// <summary>Whether a typed command asks for this intent.</summary>
    public bool Means(string typedAction, string intent) => _byIntent.TryGetValue(intent, out var route) && route.TypedAs.Contains(typedAction);

    /// <summary>Whether a typed command asks for one of the intents at all ("plan de visitas", "delegar" ask for none: they are only ever typed).</summary>
    public bool Understands(string typedAction) => _byIntent.Values.Any(r => r.TypedAs.Contains(typedAction));

    public IEnumerable<string> Intents => _byIntent.Keys;
}

public static class IntentRouteRegistration
{
    /// <param name="typedAs">the typed commands that ask for the same (see <see cref="IntentRoute.TypedAs"/>).</param>
    public static IServiceCollection AddIntent(this IServiceCollection services, string intent, Func<Understanding, BotTurn, IntentCall?> call, params string[] typedAs) =>
        services.AddSingleton(new IntentRoute(intent, call, typedAs));
}
