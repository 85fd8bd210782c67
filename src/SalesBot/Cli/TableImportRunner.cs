using SalesBot.Bot.Localization;
using SalesBot.Infrastructure.Files;

namespace SalesBot.Cli;

/// <summary>
/// `salesbot import KIND FILE` for the go-live files (billing, sign-ups, opportunities, visits,
/// visit plans): reads the file, checks its required columns (exit 2 when one is missing or the file
/// is unreadable), hands each row's cells to the import, and prints what became of every row
/// (exit 1 when some were rejected; the accepted ones are saved together either way).
/// </summary>
public sealed class TableImportRunner(TextWriter stdout, TextWriter stderr, Localizer localizer)
{
    public async Task<int> RunAsync(string path, string what, FileColumns columns,
        Func<IReadOnlyList<ImportCells>, Task<Result<IReadOnlyList<ImportRow>>>> import)
    {
        if (await ImportFile.ReadAsync(path, stderr) is not (var headers, var rows)) return CliRunner.BadArguments;
        var missing = columns.MissingFrom(headers);
        if (missing.Count > 0)
        {
            await stderr.WriteLineAsync($"error: {path}: missing column(s) {string.Join(", ", missing)}. See README, 'Importing {what}'.");
            return CliRunner.BadArguments;
        }
        await ImportFile.NoteUnknownColumnsAsync(headers, columns.IsKnown, what, stdout);

        var cells = rows.Select(r => new ImportCells(r.Line, field => r[columns.HeadersOf(field)])).ToList();
        var result = await import(cells);
        if (!result.Ok)
        {
            await stderr.WriteLineAsync("error: " + localizer.Refusal(Localizer.English, result.Error!));
            return CliRunner.Failure;
        }
        foreach (var row in result.Value!)
        {
            var reasons = string.Join(" ", row.Reasons.Select(r => localizer.Refusal(Localizer.English, r)));
            await stdout.WriteLineAsync($"line {row.Line}: {row.Outcome.ToString().ToLowerInvariant(),-9} {row.Label ?? "-"}{(reasons.Length > 0 ? " - " + reasons : "")}");
        }
        var counts = Enum.GetValues<ImportOutcome>().Select(o => $"{result.Value!.Count(r => r.Outcome == o)} {o.ToString().ToLowerInvariant()}");
        await stdout.WriteLineAsync(string.Join(", ", counts) + ".");
        return result.Value!.Any(r => r.Outcome == ImportOutcome.Rejected) ? CliRunner.Failure : CliRunner.Success;
    }
}
