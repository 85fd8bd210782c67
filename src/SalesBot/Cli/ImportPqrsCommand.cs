using SalesBot.Bot.Localization;
using SalesBot.Features.Pqrs;
using SalesBot.Infrastructure.Files;

namespace SalesBot.Cli;

/// <summary>`salesbot import pqrs FILE`: reads the file, registers its PQRs, prints a row-by-row report.</summary>
public sealed class ImportPqrsRunner(TextWriter stdout, TextWriter stderr, Localizer localizer)
{
    public async Task<int> RunAsync(IServiceProvider sp, Actor actor, string path, CancellationToken ct)
    {
        if (await ImportFile.ReadAsync(path, stderr) is not (var headers, var rows)) return CliRunner.BadArguments;
        var missing = PqrFileColumns.Columns.Where(c => !headers.Any(h => c.Headers.Contains(h))).Select(c => c.Headers[0]).ToList();
        if (missing.Count > 0)
        {
            await stderr.WriteLineAsync($"error: {path}: missing column(s) {string.Join(", ", missing)}. See README, 'Importing PQRs'.");
            return CliRunner.BadArguments;
        }
        await ImportFile.NoteUnknownColumnsAsync(headers, PqrFileColumns.IsKnown, "PQR", stdout);

        string? Cell(TabularRow r, string field) => r[PqrFileColumns.HeadersOf(field)];
        var inputs = rows.Select(r => (r.Line, new PqrInput(Cell(r, "radicado"), Cell(r, "nit"), null, Cell(r, "type"), Cell(r, "channel"),
            Cell(r, "filed-at"), Cell(r, "description")))).ToList();

        var result = await sp.GetRequiredService<ImportPqrs>().ExecuteAsync(actor, inputs, ct);
        if (!result.Ok)
        {
            await stderr.WriteLineAsync("error: " + localizer.Refusal(Localizer.English, result.Error!));
            return CliRunner.Failure;
        }
        foreach (var row in result.Value!)
        {
            // The report names the row by radicado only: PQR text stays out of terminals and logs.
            var detail = row.Outcome == PqrImportOutcome.Rejected
                ? " - " + string.Join(" ", row.Reasons.Select(r => localizer.Refusal(Localizer.English, r)))
                : row.Assignee is { } a ? " -> " + a : row.Outcome == PqrImportOutcome.Created ? " (no executive to assign it to)" : "";
            await stdout.WriteLineAsync($"line {row.Line}: {row.Outcome.ToString().ToLowerInvariant(),-9} {row.FilingNumber ?? "(no radicado)"}{detail}");
        }
        var counts = Enum.GetValues<PqrImportOutcome>().Select(o => $"{result.Value!.Count(r => r.Outcome == o)} {o.ToString().ToLowerInvariant()}");
        await stdout.WriteLineAsync(string.Join(", ", counts) + ".");
        return result.Value!.Any(r => r.Outcome == PqrImportOutcome.Rejected) ? CliRunner.Failure : CliRunner.Success;
    }
}
