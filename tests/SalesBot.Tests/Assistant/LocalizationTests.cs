using System.Text.RegularExpressions;
using SalesBot.Bot.Localization;

namespace SalesBot.Tests.Assistant;

public partial class LocalizationTests
{
    private readonly Localizer _localizer = new();

    [Fact]
    public void Spanish_and_English_have_the_same_keys()
    {
        var spanish = _localizer.Keys(Localizer.Spanish).Order().ToList();
        var english = _localizer.Keys(Localizer.English).Order().ToList();
        Assert.Equal(spanish.Except(english), []);
        Assert.Equal(english.Except(spanish), []);
    }

    [Fact]
    public void Every_key_the_code_asks_for_exists()
    {
        var source = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "SalesBot"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText);
        var keys = source.SelectMany(s => LiteralKey().Matches(s).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)).Distinct().ToList();

        Assert.NotEmpty(keys);
        var known = _localizer.Keys(Localizer.Spanish).ToHashSet();
        // Keys ending in "." are prefixes of computed keys ("role." + name), checked where they are built.
        var missing = keys.Where(k => !k.EndsWith('.') && !known.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Keys used in code but missing from strings.es.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void Placeholders_match_between_languages()
    {
        foreach (var key in _localizer.Keys(Localizer.Spanish))
        {
            var es = Placeholder().Matches(_localizer[Localizer.Spanish, key]).Select(m => m.Value).Order();
            var en = Placeholder().Matches(_localizer[Localizer.English, key]).Select(m => m.Value).Order();
            Assert.True(es.SequenceEqual(en), $"'{key}' has different placeholders in Spanish and English");
        }
    }

    /// <summary>
    /// No refusal is a dead end: every code a use case can raise has its sentence and its next step in
    /// both languages, and the permission or thing it names has words (never "visits.cancel").
    /// </summary>
    [Fact]
    public void Every_refusal_the_code_can_raise_says_what_happened_and_what_to_do_next_in_both_languages()
    {
        var source = string.Join("\n", Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "SalesBot"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")).Select(File.ReadAllText));
        var codes = RaisedCode().Matches(source).Select(m => m.Groups[1].Value).Append("forbidden").Append("invalid").Append("not-found").Append("conflict")
            .Distinct().ToList();
        var forbidden = NamedArgument("Forbidden").Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();
        var things = NamedArgument("NotFound|Conflict").Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(codes.Count > 20 && forbidden.Count > 20 && things.Count > 5, "the scan found the refusals");

        var problems = new List<string>();
        foreach (var language in Localizer.Languages)
        {
            var keys = _localizer.Keys(language).ToHashSet();
            foreach (var code in codes)
            {
                if (!keys.Contains("error." + code)) problems.Add($"{language}: error.{code}");
                if (!keys.Contains("next." + code) || _localizer[language, "next." + code].Trim().Length < 10) problems.Add($"{language}: next.{code}");
            }
            problems.AddRange(forbidden.Where(a => !keys.Contains("can." + a)).Select(a => $"{language}: can.{a}"));
            problems.AddRange(things.Where(t => !keys.Contains("entity." + t)).Select(t => $"{language}: entity.{t}"));
            // Every error key is one the code raises (or the error card's own texts): no orphan, no typo.
            problems.AddRange(keys.Where(k => k.StartsWith("error.", StringComparison.Ordinal) && !codes.Contains(k[6..])
                && k is not ("error.title" or "error.body" or "error.correlation" or "error.invalidSubmit")).Select(k => $"{language}: unused {k}"));
        }
        Assert.True(problems.Count == 0, "Missing or unused: " + string.Join(", ", problems));
    }

    [Fact]
    public void A_refusal_reads_in_words_with_its_next_step_and_the_command_that_takes_it()
    {
        var notSent = new Features.Shared.DomainError("offer-not-sent", "1").About("Suministro 2027");

        Assert.Equal("La oferta v1 no se ha enviado al cliente. Primero registra que la enviaste: «oferta enviada Suministro 2027».",
            _localizer.Describe(Localizer.Spanish, notSent));
        Assert.Equal("offer sent Suministro 2027", _localizer.NextCommandOf(Localizer.English, notSent));
        Assert.Equal("No tienes permiso para cancelar esta visita. Si crees que deberías poder, pídeselo a tu líder de equipo o a un administrador; «mi perfil» muestra tus roles.",
            _localizer.Describe(Localizer.Spanish, Features.Shared.DomainError.Forbidden("visits.cancel")));
        Assert.StartsWith("I couldn't find the opportunity \"x\".", _localizer.Describe(Localizer.English, Features.Shared.DomainError.NotFound("opportunity", "x")));
        // A step that needs a value the refusal lacks is left out rather than shown broken.
        Assert.Equal("La oferta v1 no se ha enviado al cliente.", _localizer.Describe(Localizer.Spanish, new Features.Shared.DomainError("offer-not-sent", "1")));
        Assert.Null(_localizer.NextCommandOf(Localizer.Spanish, new Features.Shared.DomainError("offer-not-sent", "1")));
        // A form's refusals say the shared next step once.
        var twice = _localizer.Describe(Localizer.Spanish, [Features.Shared.DomainError.Invalid("name", "required"), Features.Shared.DomainError.Invalid("nit", "required")]);
        Assert.Single(Regex.Matches(twice, "Corrígelo"));
    }

    [GeneratedRegex(@"new DomainError\(""([a-z-]+)""")]
    private static partial Regex RaisedCode();

    private static Regex NamedArgument(string factories) => new($@"DomainError\.(?:{factories})\(""([a-z.-]+)""");

    // T("key" ...) and turn.T("key"...) calls, and the "action.*" / "command.*" keys named in commands.
    [GeneratedRegex(@"\bT\(""([a-zA-Z][\w.-]+)""|""((?:action|command|help|menu|welcome|language|profile|error|fallback)\.[\w.-]+)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
