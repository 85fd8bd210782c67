using System.Text.Json;
using System.Text.Json.Nodes;
using SalesBot.Features.Language;

namespace SalesBot.Cli;

/// <summary>
/// `salesbot nlu parse`: one message read and printed as {"intent","entities"}, or a JSON-lines
/// file of {"id","locale","text"} read line by line, each answer a line with its id. A line that
/// is not such an object is reported on stderr by its number and the rest still read (exit 1).
/// </summary>
public sealed class NluParseRunner(TextWriter stdout, TextWriter stderr, IMessageReader understanding)
{
    /// <summary>Longest line read from a file; a message is far shorter.</summary>
    private const int MaxLine = 64 * 1024;

    public async Task<int> RunAsync(NluParseCommand command, CancellationToken ct)
    {
        var now = command.Now ?? DateTimeOffset.Now;
        if (command.Text is { } text)
        {
            await stdout.WriteLineAsync((await understanding.ReadAsync(text, new ReadingContext(command.Locale, now), ct)).ToJson().ToJsonString());
            return CliRunner.Success;
        }
        if (!File.Exists(command.File))
        {
            await stderr.WriteLineAsync($"error: no file {command.File}");
            return CliRunner.BadArguments;
        }
        var failed = 0;
        var number = 0;
        using var reader = new StreamReader(command.File!);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (Parse(line) is not var (id, locale, message))
            {
                failed++;
                await stderr.WriteLineAsync($"line {number}: not a JSON object with a string \"text\" (and \"id\", \"locale\")");
                continue;
            }
            var reading = (await understanding.ReadAsync(message, new ReadingContext(locale ?? command.Locale, now), ct)).ToJson();
            var output = new JsonObject { ["id"] = id };
            foreach (var (key, value) in reading) output[key] = value?.DeepClone();
            await stdout.WriteLineAsync(output.ToJsonString());
        }
        return failed == 0 ? CliRunner.Success : CliRunner.Failure;
    }

    private static (JsonNode? Id, string? Locale, string Text)? Parse(string line)
    {
        if (line.Length > MaxLine) return null;
        try
        {
            if (JsonNode.Parse(line) is not JsonObject o || o["text"] is not JsonValue t || !t.TryGetValue<string>(out var text)) return null;
            var locale = o["locale"] is JsonValue l && l.TryGetValue<string>(out var s) && NluParseCommand.Locales.Contains(s) ? s : null;
            return (o["id"]?.DeepClone(), locale, text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
