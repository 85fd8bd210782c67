using System.Diagnostics;
using System.IO.Compression;
using SalesBot.Features.Assistant.Conversation;
using SalesBot.Tests.Cards;


namespace SalesBot.Tests.Manifest;

public class ManifestTests
{
    private static readonly string ManifestDirectory = Path.Combine(RepoPaths.Root, "manifest");
    private static readonly string Schema = Path.Combine(RepoPaths.Shared, "reference", "teams-manifest", "MicrosoftTeams.v1.29.schema.json");
    private const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private const string LinksDomain = "salesbot.contoso.example";

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
            .Concat(english.Where(p => p.Key.StartsWith("bots[0].commandLists[", StringComparison.Ordinal) && p.Key.EndsWith(".title", StringComparison.Ordinal))
                .Select(p => p.Value!.GetValue<string>()))
            .Distinct()
            .ToList();

        Assert.NotEmpty(titles);
        Assert.All(titles, title => Assert.True(recognizer.Recognize(title) is not null, $"the manifest offers '{title}', which the bot does not understand"));
    }

    [Fact]
    public void The_message_extension_searches_clients_deals_and_PQRs_by_a_q_parameter()
    {
        var manifest = Manifest();
        var extension = Assert.Single(manifest["composeExtensions"]!.AsArray())!;
        Assert.Equal(manifest["bots"]![0]!["botId"]!.GetValue<string>(), extension["botId"]!.GetValue<string>());

        foreach (var id in new[] { "clientes", "oportunidades", "pqr" })
        {
            var command = Command(extension, id);
            Assert.Equal("query", command["type"]!.GetValue<string>());
            Assert.True(command["initialRun"]!.GetValue<bool>(), $"{id} should run once when opened");
            var parameter = Assert.Single(command["parameters"]!.AsArray())!;
            Assert.Equal("q", parameter["name"]!.GetValue<string>());
            Assert.Equal("text", parameter["inputType"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(parameter["title"]?.GetValue<string>()), $"{id}: parameter q has no title");
        }
    }

    [Fact]
    public void The_message_extension_logs_a_visit_from_a_message_through_a_dialog_the_bot_sends()
    {
        var command = Command(Manifest()["composeExtensions"]![0]!, "registrarVisita");
        Assert.Equal("action", command["type"]!.GetValue<string>());
        Assert.Equal(["message"], command["context"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True(command["fetchTask"]!.GetValue<bool>());
        Assert.Equal("Registrar visita", command["title"]!.GetValue<string>());
    }

    [Fact]
    public void Every_message_extension_title_and_description_has_its_English_string_and_nothing_else_does()
    {
        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDirectory, "en.json")))!.AsObject();
        var expected = new List<string>();
        var commands = Manifest()["composeExtensions"]![0]!["commands"]!.AsArray();
        for (var i = 0; i < commands.Count; i++)
        {
            expected.Add($"composeExtensions[0].commands[{i}].title");
            if (commands[i]!["description"] is not null) expected.Add($"composeExtensions[0].commands[{i}].description");
            var parameters = commands[i]!["parameters"]?.AsArray().ToList() ?? [];
            for (var j = 0; j < parameters.Count; j++)
            {
                expected.Add($"composeExtensions[0].commands[{i}].parameters[{j}].title");
                if (parameters[j]!["description"] is not null) expected.Add($"composeExtensions[0].commands[{i}].parameters[{j}].description");
            }
        }

        var actual = english.Where(p => p.Key.StartsWith("composeExtensions[", StringComparison.Ordinal)).Select(p => p.Key);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.All(expected, key => Assert.False(string.IsNullOrWhiteSpace(english[key]!.GetValue<string>()), $"en.json: {key} is empty"));
    }

    [Fact]
    public void Without_links_domain_the_package_does_not_unfurl_links()
    {
        Assert.Null(Manifest()["composeExtensions"]![0]!["messageHandlers"]);

        using var package = Package("--app-id", AppId);
        Assert.True(package.Code == 0, $"package.sh failed ({package.Code}): {package.Stdout} {package.Stderr}");
        var manifest = package.Manifest();
        Assert.Null(manifest["composeExtensions"]![0]!["messageHandlers"]);
        Assert.Equal(AppId, manifest["composeExtensions"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(["token.botframework.com"], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Packaging_with_links_domain_unfurls_its_record_links_and_validates_against_the_schema(bool equalsForm)
    {
        using var package = equalsForm
            ? Package("--app-id", AppId, "--links-domain=" + LinksDomain)
            : Package("--app-id", AppId, "--links-domain", LinksDomain);
        Assert.True(package.Code == 0, $"package.sh failed ({package.Code}): {package.Stdout} {package.Stderr}");
        Assert.Contains("validate against the v1.29 schema", package.Stdout);

        var manifest = package.Manifest();
        var extension = manifest["composeExtensions"]![0]!;
        Assert.Equal(AppId, extension["botId"]!.GetValue<string>());
        var handler = Assert.Single(extension["messageHandlers"]!.AsArray())!;
        Assert.Equal("link", handler["type"]!.GetValue<string>());
        Assert.Equal([LinksDomain], handler["value"]!["domains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(["token.botframework.com", LinksDomain], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));

        // Validate what is inside the zip ourselves too, not only through package.sh.
        var unpacked = Path.Combine(package.Folder, "unpacked");
        ZipFile.ExtractToDirectory(package.Zip, unpacked);
        var (code, stdout, stderr) = Node.Run(Path.Combine(RepoPaths.Root, "tests", "tooling", "validate-manifest.mjs"),
            Path.Combine(unpacked, "manifest.json"), Schema);
        Assert.True(code == 0, $"packaged manifest validation failed ({code}): {stdout} {stderr}");
        Assert.Empty(JsonNode.Parse(stdout)!["errors"]!.AsArray());
    }

    [Theory]
    [InlineData("https://x.example/path")]
    [InlineData("x.example/r")]
    [InlineData("x.example:8443")]
    [InlineData("sales bot.example")]
    public void Packaging_refuses_a_links_domain_that_is_not_a_bare_host(string host)
    {
        using var package = Package("--app-id", AppId, "--links-domain", host);
        Assert.Equal(2, package.Code);
        Assert.Contains("--links-domain", package.Stderr);
        Assert.False(File.Exists(package.Zip), "no package should be written");
    }

    private static JsonNode Command(JsonNode extension, string id) =>
        Assert.Single(extension["commands"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id)!;

    /// <summary>Runs manifest/package.sh with <paramref name="args"/> and --out in a temporary directory.</summary>
    private static PackageRun Package(params string[] args)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.Root, "tests", "tooling", "node_modules")))
            throw new InvalidOperationException("tests/tooling/node_modules is missing: run `npm ci` in tests/tooling (tests/run.sh does).");
        var directory = Directory.CreateTempSubdirectory("salesbot-package-").FullName;
        var zip = Path.Combine(directory, "salesbot-teams.zip");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(ManifestDirectory, "package.sh"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(zip);
        start.Environment["SCHEMA_DIR"] = Path.GetDirectoryName(Schema);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(entireProcessTree: true);
        return new PackageRun(process.ExitCode, stdout.Result, stderr.Result, directory, zip);
    }

    private sealed record PackageRun(int Code, string Stdout, string Stderr, string Folder, string Zip) : IDisposable
    {
        public JsonNode Manifest()
        {
            using var archive = ZipFile.OpenRead(Zip);
            using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
            return JsonNode.Parse(reader.ReadToEnd())!;
        }

        public void Dispose()
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }

    private static JsonNode Manifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDirectory, "manifest.json")))!;
}
