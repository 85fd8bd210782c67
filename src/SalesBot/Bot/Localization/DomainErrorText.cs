namespace SalesBot.Bot.Localization;

/// <summary>
/// A <see cref="DomainError"/> as sentences in a language: what was refused, then what to do next
/// ("La oferta v1 no se ha enviado al cliente. Primero registra que la enviaste: «oferta enviada X»."),
/// so no refusal is a dead end. Codes become words: the thing not found, the permission missing.
/// </summary>
public static partial class DomainErrorText
{
    // Long enough for our own values (a list of roles or subdivisions), short of a pasted essay.
    private const int MaxArgument = 300;

    public static string Describe(this Localizer localizer, string language, DomainError error) => localizer.Describe(language, [error]);

    /// <summary>Several refusals (a form's fields): each said, then each different next step once.</summary>
    public static string Describe(this Localizer localizer, string language, IEnumerable<DomainError> errors)
    {
        var list = errors.Select(Bounded).ToList();
        return string.Join(" ", list.Select(e => RefusalOf(localizer, language, e))
            .Concat(list.Select(e => NextStepOf(localizer, language, e)).OfType<string>().Distinct()));
    }

    private static DomainError Bounded(DomainError error) =>
        // Values often echo what the user typed ("no encontré «…»"): quoted, never in full.
        error with { Args = error.Args.Select(a => TextPreview.Of(a, MaxArgument)).ToArray() };

    /// <summary>
    /// The refusal alone, for readers outside the chat (the command line, the HTTP API), whose next
    /// steps are not chat commands.
    /// </summary>
    public static string Refusal(this Localizer localizer, string language, DomainError error) => RefusalOf(localizer, language, Bounded(error));

    private static string RefusalOf(Localizer localizer, string language, DomainError error)
    {
        var args = error.Args.Cast<object?>().ToArray();
        var text = error.Kind switch
        {
            ErrorKind.Invalid when error.Args.Length >= 2 => localizer.Get(language, "error.invalid", localizer.Get(language, "field." + error.Args[0]),
                localizer.Get(language, "reason." + error.Args[1], error.Args.Skip(2).Cast<object?>().ToArray())),
            ErrorKind.Forbidden when error.Args.Length >= 1 => localizer.Get(language, "error.forbidden", Label(localizer, language, "can.", error.Args[0])),
            ErrorKind.NotFound or ErrorKind.Conflict when error.Args.Length >= 2 =>
                localizer.Get(language, "error." + error.Code, Label(localizer, language, "entity.", error.Args[0]), error.Args[1]),
            _ => localizer.Get(language, "error." + error.Code, args),
        };
        // A label may open the sentence ("the person \"p1\" already exists").
        return text.Length > 0 && char.IsLower(text[0]) ? char.ToUpper(text[0], localizer.Culture(language)) + text[1..] : text;
    }

    /// <summary>What to do after this refusal, or null when the refusal has no step of its own.</summary>
    public static string? NextStepOf(Localizer localizer, string language, DomainError error) => Optional(localizer, language, "next." + error.Code, error);

    /// <summary>The command that takes the next step ("oferta enviada Suministro 2027"), when one does: offered as a button.</summary>
    public static string? NextCommandOf(this Localizer localizer, string language, DomainError error) =>
        Optional(localizer, language, "nextcommand." + error.Code, Bounded(error));

    private static string? Optional(Localizer localizer, string language, string key, DomainError error)
    {
        var template = localizer[language, key];
        if (template == key) return null;
        // A step that names what the refusal is about needs that value: without it, no step beats a broken one.
        var needs = Placeholder().Matches(template).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
        return needs > error.Args.Length ? null : localizer.Get(language, key, error.Args.Cast<object?>().ToArray());
    }

    /// <summary>A code's label, or a neutral word when a code has none (never the code itself in front of a user).</summary>
    private static string Label(Localizer localizer, string language, string prefix, string code)
    {
        var label = localizer.Get(language, prefix + code);
        return label == prefix + code ? localizer.Get(language, prefix + "other") : label;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\d+)")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();
}
