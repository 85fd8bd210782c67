using SalesBot.Bot.Localization;
using SalesBot.Features.Clients;

namespace SalesBot.Cli;

/// <summary>`salesbot import clients FILE`: reads the file, imports it, prints a row-by-row report.</summary>
public sealed class ImportClientsRunner(TextWriter stdout, TextWriter stderr, Localizer localizer)
{
    public async Task<int> RunAsync(IServiceProvider sp, Actor actor, string path, CancellationToken ct)
    {
        if (await ImportFile.ReadAsync(path, stderr) is not (var headers, var rows)) return CliRunner.BadArguments;
        if (!headers.Any(h => ClientFileColumns.HeadersOf("name").Contains(h)))
        {
            await stderr.WriteLineAsync($"error: {path}: no client name column (one of: {string.Join(", ", ClientFileColumns.HeadersOf("name"))}). See README, 'Importing clients'.");
            return CliRunner.BadArguments;
        }
        await ImportFile.NoteUnknownColumnsAsync(headers, ClientFileColumns.IsKnown, "client", stdout);

        var inputs = rows.Select(r => (r.Line, new ClientInput(
            Name: r[ClientFileColumns.HeadersOf("name")], TaxId: r[ClientFileColumns.HeadersOf("nit")],
            Segment: r[ClientFileColumns.HeadersOf("segment")], Status: r[ClientFileColumns.HeadersOf("status")],
            OwnerEmail: r[ClientFileColumns.HeadersOf("owner")], Address: r[ClientFileColumns.HeadersOf("address")],
            City: r[ClientFileColumns.HeadersOf("city")], LeadSource: r[ClientFileColumns.HeadersOf("lead-source")],
            ContactName: r[ClientFileColumns.HeadersOf("contact-name")], ContactRole: r[ClientFileColumns.HeadersOf("contact-role")],
            ContactEmail: r[ClientFileColumns.HeadersOf("contact-email")], ContactPhone: r[ClientFileColumns.HeadersOf("contact-phone")])));

        var result = await sp.GetRequiredService<ImportClients>().ExecuteAsync(actor, inputs.ToList(), ct);
        if (!result.Ok)
        {
            await stderr.WriteLineAsync("error: " + localizer.Refusal(Localizer.English, result.Error!));
            return CliRunner.Failure;
        }
        foreach (var row in result.Value!)
        {
            var reasons = string.Join(" ", row.Reasons.Select(r => localizer.Refusal(Localizer.English, r)));
            await stdout.WriteLineAsync($"line {row.Line}: {row.Outcome.ToString().ToLowerInvariant(),-9} {row.Label ?? "(no name)"}{(reasons.Length > 0 ? " - " + reasons : "")}");
        }
        var counts = Enum.GetValues<ImportOutcome>().Select(o => $"{result.Value!.Count(r => r.Outcome == o)} {o.ToString().ToLowerInvariant()}");
        await stdout.WriteLineAsync(string.Join(", ", counts) + ".");
        // Rows that were accepted are saved either way; a non-zero code tells scripts some were not.
        return result.Value!.Any(r => r.Outcome == ImportOutcome.Rejected) ? CliRunner.Failure : CliRunner.Success;
    }
}
