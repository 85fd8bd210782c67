namespace SalesBot.Bot.Localization;

/// <summary>A <see cref="DomainError"/> as a sentence in a language: "El dato «NIT» no es válido: ...".</summary>
public static class DomainErrorText
{
    // Long enough for our own values (a list of roles or subdivisions), short of a pasted essay.
    private const int MaxArgument = 300;

    public static string Describe(this Localizer localizer, string language, DomainError error)
    {
        // Values often echo what the user typed ("no encontré «…»"): quoted, never in full.
        error = error with { Args = error.Args.Select(a => TextPreview.Of(a, MaxArgument)).ToArray() };
        if (error.Kind == ErrorKind.Invalid && error.Args.Length >= 2)
        {
            var field = localizer.Get(language, "field." + error.Args[0]);
            var reason = localizer.Get(language, "reason." + error.Args[1], error.Args.Skip(2).Cast<object?>().ToArray());
            return localizer.Get(language, "error.invalid", field, reason);
        }
        return localizer.Get(language, "error." + error.Code, error.Args.Cast<object?>().ToArray());
    }
}
