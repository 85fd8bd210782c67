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

    // T("key" ...) and turn.T("key"...) calls, and the "action.*" / "command.*" keys named in commands.
    [GeneratedRegex(@"\bT\(""([a-zA-Z][\w.-]+)""|""((?:action|command|help|menu|welcome|language|profile|error|fallback)\.[\w.-]+)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
