using SalesBot.Features.Assistant.Conversation;
using SalesBot.Tests.Cards;


namespace SalesBot.Tests.Manifest;

public class ManifestTests
{
    private static readonly string ManifestDirectory = Path.Combine(RepoPaths.Root, "manifest");

    [Fact]
    public void The_manifest_validates_offline_against_the_Teams_schema_with_its_icons()
    {
        var schema = Path.Combine(RepoPaths.Shared, "reference", "teams-manifest", "MicrosoftTeams.v1.29.schema.json");
        var (code, stdout, stderr) = Node.Run(Path.Combine(RepoPaths.Root, "tests", "tooling", "validate-manifest.mjs"),
            Path.Combine(ManifestDirectory, "manifest.json"), schema);
        Assert.True(code == 0, $"manifest validation failed ({code}): {stdout} {stderr}");
        Assert.Empty(JsonNode.Parse(stdout)!["errors"]!.AsArray());
    }

    [Fact]
    public void The_bot_is_in_personal_team_and_group_chat_scopes()
    {
        var bot = Manifest()["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void Every_command_listed_in_Teams_is_one_the_bot_understands_in_both_languages()
    {
        var recognizer = Registry.Recognizer;
        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDirectory, "en.json")))!.AsObject();
        var titles = Manifest()["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany(l => l!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()))
            .Concat(english.Where(p => p.Key.EndsWith(".title", StringComparison.Ordinal)).Select(p => p.Value!.GetValue<string>()))
            .Distinct()
            .ToList();

        Assert.NotEmpty(titles);
        Assert.All(titles, title => Assert.True(recognizer.Recognize(title) is not null, $"the manifest offers '{title}', which the bot does not understand"));
    }

    private static JsonNode Manifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDirectory, "manifest.json")))!;
}
