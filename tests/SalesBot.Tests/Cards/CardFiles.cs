namespace SalesBot.Tests.Cards;

/// <summary>The templates in cards/ and their sample data, for the tests that go through them all.</summary>
internal static class CardFiles
{
    public static readonly string Directory = Path.Combine(RepoPaths.Root, "cards");

    public static TheoryData<string> Templates() => new(
        System.IO.Directory.GetFiles(Directory, "*.json")
            .Where(f => !f.EndsWith(".data.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f)));

    public static JsonNode Template(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, name + ".json")))!;

    public static string SampleDataPath(string name) => Path.Combine(Directory, name + ".data.json");

    public static JsonNode SampleData(string name) => JsonNode.Parse(File.ReadAllText(SampleDataPath(name)))!;
}
