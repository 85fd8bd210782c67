using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesBot.Features.Indicators;

namespace SalesBot.Cli;

/// <summary>`salesbot indicator NAME ...`: one indicator for a scope and a period, as text or as JSON for scripts.</summary>
public sealed class IndicatorRunner(TextWriter stdout, TextWriter stderr)
{
    public async Task<int> RunAsync(IServiceProvider sp, IndicatorCommand command, CancellationToken ct)
    {
        var (scope, error) = await ScopeAsync(sp, command.Scope, command.Person, command.Team, ct);
        if (scope is null) return await FailAsync(error!);
        var result = await sp.GetRequiredService<IndicatorEngine>().ComputeAsync(command.Indicator, scope, command.Period, ct);
        await stdout.WriteLineAsync(command.Json ? Json(result).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) : Text(result));
        return CliRunner.Success;
    }

    /// <summary>The scope the options name: a person by email, a team by name (accents and case aside), or the company.</summary>
    public static async Task<(IndicatorScope? Scope, string? Error)> ScopeAsync(IServiceProvider sp, ScopeKind kind, string? personEmail, string? teamName, CancellationToken ct)
    {
        var db = sp.GetRequiredService<SalesBotDbContext>();
        switch (kind)
        {
            case ScopeKind.Person:
                var email = personEmail!.Trim().ToLowerInvariant();
                var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email != null && p.Email.ToLower() == email, ct);
                return person is null ? (null, $"no person with the email {personEmail}") : (new IndicatorScope(ScopeKind.Person, person.Id, person.Email!), null);
            case ScopeKind.Team:
                var folded = TextFolding.Fold(teamName!);
                var team = (await db.Teams.AsNoTracking().ToListAsync(ct)).FirstOrDefault(t => TextFolding.Fold(t.Name) == folded);
                return team is null ? (null, $"no team named {teamName}") : (new IndicatorScope(ScopeKind.Team, team.Id, team.Name), null);
            default:
                return (IndicatorScope.Company("company"), null);
        }
    }

    private async Task<int> FailAsync(string message)
    {
        await stderr.WriteLineAsync("error: " + message);
        return CliRunner.BadArguments;
    }

    private static string ScopeText(IndicatorScope scope) => scope.Kind == ScopeKind.Company ? "company" : scope.Code + ":" + scope.Name;

    public static string? BandCode(Band? band) => band switch
    {
        null => null,
        Band.AtRisk => "at_risk",
        Band.NotMet => "not_met",
        var b => b.ToString()!.ToLowerInvariant(),
    };

    /// <summary>The JSON of the indicators issue: amounts in currency units, null where there is no value, goal or band.</summary>
    public static JsonObject Json(IndicatorResult r) => new()
    {
        ["indicator"] = r.Indicator.Code(),
        ["scope"] = ScopeText(r.Scope),
        ["period"] = r.Period.Label,
        ["value"] = r.Figures.Value,
        ["goal"] = r.Figures.Goal,
        ["numerator"] = r.Figures.Numerator,
        ["denominator"] = r.Figures.Denominator,
        ["band"] = BandCode(r.Band),
        ["trend"] = new JsonArray(r.Trend.Select(t => (JsonNode)new JsonObject { ["period"] = t.Period.Label, ["value"] = t.Value }).ToArray()),
    };

    private static string Text(IndicatorResult r)
    {
        static string N(decimal? v) => v is { } d ? d.ToString("0.##", CultureInfo.InvariantCulture) : "-";
        var trend = string.Join("  ", r.Trend.Select(t => $"{t.Period.Label} {N(t.Value)}"));
        return $"""
            {r.Indicator.Code()} · {ScopeText(r.Scope)} · {r.Period.Label}
            value: {N(r.Figures.Value)}   goal: {N(r.Figures.Goal)}   band: {BandCode(r.Band) ?? "-"}
            numerator: {N(r.Figures.Numerator)}   denominator: {N(r.Figures.Denominator)}
            trend: {trend}
            """;
    }
}
