using System.Diagnostics;
using SalesBot.Bot.Cards;

namespace SalesBot.Tests.Cards;

/// <summary>
/// Every template in cards/ bound with its sample data by our binder must equal what Microsoft's
/// adaptivecards-templating produces, and parse cleanly with Microsoft's adaptivecards package.
/// </summary>
public class CardTemplateTests
{
    public static TheoryData<string> Templates() => CardFiles.Templates();

    private static readonly Lazy<JsonObject> Official = new(RunOfficialBinder);

    [Theory]
    [MemberData(nameof(Templates))]
    public void Each_template_has_sample_data_binds_like_the_official_binder_and_is_a_valid_card(string name)
    {
        Assert.True(File.Exists(CardFiles.SampleDataPath(name)), $"cards/{name}.json has no {name}.data.json sample");

        var template = CardFiles.Template(name);
        var data = CardFiles.SampleData(name);
        var ours = CardTemplateBinder.Bind(template, data);
        // The renderer binds a prepared copy of the template, many times over: the same card, and the template unchanged.
        var prepared = CardTemplateBinder.Prepare(template);
        var fromPrepared = CardTemplateBinder.Bind(prepared, data);
        Assert.True(JsonNode.DeepEquals(template, prepared));
        Assert.True(JsonNode.DeepEquals(fromPrepared, CardTemplateBinder.Bind(prepared, data)));

        var official = Official.Value[name]!;
        Assert.Empty(official["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(official["bound"], ours),
            $"cards/{name}.json binds differently.\nofficial: {official["bound"]}\nours:     {ours}");
        Assert.True(JsonNode.DeepEquals(official["bound"], fromPrepared),
            $"cards/{name}.json binds differently once prepared.\nofficial: {official["bound"]}\nours:     {fromPrepared}");
        Assert.True(double.Parse(ours["version"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) <= 1.5);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Templates_hold_no_user_visible_text_of_their_own(string name)
    {
        // Text shown to people comes from the localisation resources through the data, never from the template.
        var template = CardFiles.Template(name);
        var literals = Visible(template).Where(t => !t.StartsWith("${", StringComparison.Ordinal) || !t.EndsWith('}')).ToList();
        Assert.Empty(literals);
    }

    private static IEnumerable<string> Visible(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" or "title" or "value" or "placeholder" or "label" or "errorMessage"
            && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Visible(p.Value)),
        JsonArray a => a.SelectMany(Visible),
        _ => [],
    };

    private static JsonObject RunOfficialBinder()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "tooling", "cards-conformance.mjs");
        var modules = Path.Combine(RepoPaths.Root, "tests", "tooling", "node_modules");
        if (!Directory.Exists(modules))
            throw new InvalidOperationException("tests/tooling/node_modules is missing: run `npm ci` in tests/tooling (tests/run.sh does).");
        var (code, stdout, stderr) = Node.Run(script, CardFiles.Directory);
        Assert.True(code == 0, $"cards-conformance.mjs failed ({code}): {stderr}");
        return JsonNode.Parse(stdout)!.AsObject();
    }
}

/// <summary>Runs a Node script of tests/tooling and returns its exit code and output.</summary>
internal static class Node
{
    public static (int Code, string Stdout, string Stderr) Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
