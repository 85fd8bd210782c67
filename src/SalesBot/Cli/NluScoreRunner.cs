using System.Globalization;
using SalesBot.Features.Language;

namespace SalesBot.Cli;

/// <summary>
/// `salesbot nlu score`: reads every line of a labelled set with the recognizer and prints, per
/// locale and in all, the intent accuracy and the entity precision, recall and F1. A set with a
/// broken line is not scored (exit 2): a silently skipped line would flatter the score.
/// </summary>
public sealed class NluScoreRunner(TextWriter stdout, TextWriter stderr, IMessageReader reader)
{
    /// <summary>A labelled set is a few thousand lines at most; anything larger is not one.</summary>
    private const long MaxFileBytes = 16 * 1024 * 1024;

    public async Task<int> RunAsync(NluScoreCommand command, CancellationToken ct)
    {
        var file = new FileInfo(command.File);
        if (!file.Exists || file.Length > MaxFileBytes)
        {
            await stderr.WriteLineAsync(file.Exists ? $"error: {command.File} is over {MaxFileBytes / 1024 / 1024} MB" : $"error: no file {command.File}");
            return CliRunner.BadArguments;
        }
        var lines = new List<LabelledLine>();
        var number = 0;
        var broken = 0;
        foreach (var text in await File.ReadAllLinesAsync(file.FullName, ct))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var (line, error) = LabelledLine.Parse(text);
            if (line is null)
            {
                broken++;
                await stderr.WriteLineAsync($"line {number}: {error}");
            }
            else lines.Add(line);
        }
        if (broken > 0 || lines.Count == 0)
        {
            await stderr.WriteLineAsync(lines.Count == 0 && broken == 0 ? "error: the set has no lines" : $"error: {broken} broken line(s); nothing scored");
            return CliRunner.BadArguments;
        }

        var readings = new Dictionary<LabelledLine, Understanding>();
        foreach (var line in lines) readings[line] = await reader.ReadAsync(line.Text, new ReadingContext(line.Locale, command.Now), ct);
        var (perLocale, total, misses) = NluScorer.Score(lines, l => readings[l]);
        if (command.ShowMisses)
            foreach (var miss in misses)
            {
                var intent = miss.IntentRead == miss.Line.Intent ? "" : $" intent {miss.IntentRead} instead of {miss.Line.Intent};";
                await stdout.WriteLineAsync($"{miss.Line.Id} [{miss.Line.Locale}]{intent} {string.Join("; ", miss.Differences)}\n    {miss.Line.Text}");
            }

        await stdout.WriteLineAsync($"{"locale",-7} {"lines",5} {"intent",7} {"precision",9} {"recall",7} {"F1",7}");
        var failing = new List<string>();
        foreach (var score in perLocale.Append(total))
        {
            await stdout.WriteLineAsync($"{score.Locale,-7} {score.Lines,5} {Percent(score.IntentAccuracy),7} {Percent(score.Precision),9} {Percent(score.Recall),7} {Percent(score.F1),7}");
            if (score.IntentAccuracy * 100 < command.MinIntentPercent) failing.Add($"{score.Locale} intents {Percent(score.IntentAccuracy)} < {command.MinIntentPercent}%");
            if (score.F1 * 100 < command.MinF1Percent) failing.Add($"{score.Locale} entity F1 {Percent(score.F1)} < {command.MinF1Percent}%");
        }
        if (failing.Count == 0) return CliRunner.Success;
        await stderr.WriteLineAsync("below the floor: " + string.Join(", ", failing));
        return CliRunner.Failure;
    }

    private static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
