using System.Text.Json.Nodes;
using SalesBot.Cli;

namespace SalesBot.Tests.Indicators;

/// <summary>
/// The engine on a known history, loaded through the go-live files into the demo organisation
/// (team Ventas Bogotá: Alex Wilber and Megan Bowen), read back with `salesbot indicator --json`:
/// every formula, its goal by the fallback and sum rules, its band and its trend.
/// </summary>
public abstract class IndicatorEngineTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private CliHarness _cli = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _cli = new CliHarness(_database);
        Assert.Equal(0, (await _cli.Run("seed-demo", "--playground-dir", Path.Combine(_cli.Directory, "pg"))).Code);
        async Task Import(params string[] args)
        {
            var (code, output, error) = await _cli.Run(args);
            Assert.True(code == 0, string.Join(" ", args) + ": " + output + error);
        }
        await Import("import", "clients", _cli.Csv("""
            name,nit,segment,owner_email,city
            Regulado Uno,900111111,regulated,alexw@contoso.example,Bogotá
            Regulado Dos,900222222,regulated,meganb@contoso.example,Bogotá
            Empresa Uno,900333333,enterprise,alexw@contoso.example,Bogotá
            Libre Uno,900444444,non-regulated,alexw@contoso.example,Bogotá
            """));
        await Import("import", "signups", _cli.Csv("""
            nit,date,kind,reason
            900111111,2026-09-05,signup,
            900111111,2026-09-20,signup,
            900222222,2026-09-10,signup,
            900444444,2026-08-01,signup,
            900333333,2026-06-01,signup,
            900333333,2026-09-15,churn,se fue a la competencia
            """));
        await Import("import", "billing", _cli.Csv("""
            nit,month,amount
            900333333,2026-08,1000000
            900333333,2026-09,1100000
            """));
        await Import("import", "opportunities", _cli.Csv("""
            nit,name,owner_email,seats,unit_value,months,stage,created_on,proposal_on,won_on,lost_on,lost_reason
            900.123.456-8,D1,alexw@contoso.example,10,100000,12,won,2026-06-01,2026-07-10,2026-08-20,,
            800.456.789,D2,alexw@contoso.example,10,100000,12,proposal,2026-06-01,2026-08-01,,,
            900444444,D3,alexw@contoso.example,10,100000,12,won,2026-05-01,2026-06-15,2026-09-10,,
            900111111,D4,alexw@contoso.example,10,100000,12,lost,2026-07-01,,,2026-07-20,precio
            """));
        await Import("import", "visit-plans", _cli.Csv("""
            owner_email,month,planned
            alexw@contoso.example,2026-09,4
            """));
        await Import("import", "visits", _cli.Csv("""
            nit,owner_email,date,time,duration_minutes,type,status,outcome
            900333333,alexw@contoso.example,2026-09-02,10:00,60,follow-up,done,interested
            900444444,alexw@contoso.example,2026-09-09,10:00,60,follow-up,done,interested
            900111111,alexw@contoso.example,2026-09-16,10:00,60,follow-up,cancelled,
            """));
        await Import("goals", "import", _cli.Csv("""
            indicator,scope,month,target
            budget_execution_regulated,person:alexw@contoso.example,2026-09,2
            budget_execution_regulated,person:meganb@contoso.example,2026-09,2
            budget_execution_non_regulated,company,2026-09,24000000
            conversion,company,2026-07,40
            conversion,company,2026-08,40
            conversion,company,2026-09,50
            visit_compliance,team:Ventas Bogotá,2026-09,80
            churn,company,2026-07,2
            churn,company,2026-08,2
            churn,company,2026-09,3
            """));
    }

    public async Task DisposeAsync()
    {
        _cli.Dispose();
        await _database.DisposeAsync();
    }

    private async Task<JsonObject> Indicator(params string[] args)
    {
        var (code, output, error) = await _cli.Run(["indicator", .. args, "--json"]);
        Assert.True(code == 0, output + error);
        return JsonNode.Parse(output)!.AsObject();
    }

    private static (decimal? Value, decimal? Goal, decimal? Numerator, decimal? Denominator, string? Band) Figures(JsonObject j) =>
        (j["value"]?.GetValue<decimal>(), j["goal"]?.GetValue<decimal>(), j["numerator"]?.GetValue<decimal>(), j["denominator"]?.GetValue<decimal>(), j["band"]?.GetValue<string>());

    [Fact]
    public async Task Regulated_budget_counts_distinct_sign_ups_against_the_members_goals_summed_for_the_team()
    {
        var alex = await Indicator("budget_execution_regulated", "--scope", "person", "--person", "alexw@contoso.example", "--period", "2026-09");
        var team = await Indicator("budget_execution_regulated", "--scope", "team", "--team", "Ventas Bogotá", "--period", "2026-09");
        var week = await Indicator("budget_execution_regulated", "--scope", "company", "--period", "2026-W37");

        Assert.Equal(("budget_execution_regulated", "person:alexw@contoso.example", "2026-09"),
            (alex["indicator"]!.GetValue<string>(), alex["scope"]!.GetValue<string>(), alex["period"]!.GetValue<string>()));
        Assert.Equal((50m, 2m, 1m, 2m, "not_met"), Figures(alex)); // Regulado Uno signed up twice: one client
        Assert.Equal((50m, 4m, 2m, 4m, "not_met"), Figures(team));
        Assert.Equal((null, null, 1m, null, null), Figures(week)); // a week has no goal, so no value
        var trend = alex["trend"]!.AsArray();
        Assert.Equal(["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"], trend.Select(t => t!["period"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Non_regulated_budget_sums_the_deals_won_in_the_period_and_still_won()
    {
        var company = await Indicator("budget_execution_non_regulated", "--scope", "company", "--period", "2026-09");
        var august = await Indicator("budget_execution_non_regulated", "--scope", "company", "--period", "2026-08");

        Assert.Equal((50m, 24_000_000m, 12_000_000m, 24_000_000m, "not_met"), Figures(company)); // D3 won on 10 September
        Assert.Equal((null, null, 12_000_000m, null, null), Figures(august)); // D1 (enterprise) won in August, which has no goal
    }

    [Fact]
    public async Task Billing_growth_compares_with_the_previous_period_and_is_graded()
    {
        var september = await Indicator("billing_growth", "--scope", "person", "--person", "alexw@contoso.example", "--period", "2026-09");
        var august = await Indicator("billing_growth", "--scope", "company", "--period", "2026-08");

        Assert.Equal((10m, null, 100_000m, 1_000_000m, "approved"), Figures(september));
        Assert.Equal((null, null, null, null, null), Figures(august)); // nothing billed in July: no denominator
        Assert.Null(september["trend"]!.AsArray().Last()!["value"]);
    }

    [Fact]
    public async Task Conversion_counts_deals_that_first_reached_a_proposal_in_the_period_and_their_won_share()
    {
        var quarter = await Indicator("conversion", "--scope", "person", "--person", "alexw@contoso.example", "--period", "2026-Q3");

        // D1 (proposal in July, won) and D2 (proposal in August); D3 reached its proposal in June, D4 never did.
        // No goal of Alex's or the team's: the company's, averaged over the quarter's months (40, 40, 50).
        Assert.Equal((50m, 43.33m, 1m, 2m, "met"), Figures(quarter));
    }

    [Fact]
    public async Task Visit_compliance_takes_the_teams_goal_for_a_person_without_one()
    {
        var alex = await Indicator("visit_compliance", "--scope", "person", "--person", "alexw@contoso.example", "--period", "2026-09");

        Assert.Equal((50m, 80m, 2m, 4m, "not_met"), Figures(alex));
    }

    [Fact]
    public async Task Churn_is_the_share_of_the_clients_active_at_the_start_who_left_and_lower_is_better()
    {
        var alex = await Indicator("churn", "--scope", "person", "--person", "alexw@contoso.example", "--period", "2026-09");
        var quarter = await Indicator("churn", "--scope", "company", "--period", "2026-Q3");

        // Active on 1 September: Los Pinos and Plásticos (no events, active), Empresa Uno and Libre Uno (signed up before).
        Assert.Equal((25m, 3m, 1m, 4m, "not_met"), Figures(alex));
        Assert.Equal(7m, quarter["goal"]!.GetValue<decimal>()); // churn goals accumulate: 2 + 2 + 3
        // The company: the same four (the two regulated clients signed up only during September, so they were not active at its start).
        var company = await Indicator("churn", "--scope", "company", "--period", "2026-09");
        Assert.Equal((25m, 3m, 1m, 4m, "not_met"), Figures(company));
    }

    [Fact]
    public async Task PQR_timeliness_without_PQRs_due_has_no_value_and_the_text_form_reads_for_people()
    {
        var pqrs = await Indicator("pqr_timeliness", "--scope", "company", "--period", "2026-09");
        var (code, text, _) = await _cli.Run("indicator", "conversion", "--scope", "team", "--team", "ventas bogota", "--period", "2026-Q3");
        var (bad, _, error) = await _cli.Run("indicator", "conversion", "--scope", "team", "--period", "2026-Q3");

        Assert.Equal((null, null, 0m, 0m, null), Figures(pqrs));
        Assert.Equal(0, code);
        Assert.Contains("conversion · team:Ventas Bogotá · 2026-Q3", text);
        Assert.Contains("value: 50   goal: 43.33   band: met", text);
        Assert.Equal(CliRunner.BadArguments, bad);
        Assert.Contains("--scope team needs --team NAME", error);
    }

    [Fact]
    public async Task Goals_imported_again_change_nothing_and_bad_rows_are_reported()
    {
        var (code, output, _) = await _cli.Run("goals", "import", _cli.Csv("""
            indicator,scope,month,target
            conversion,company,2026-07,40
            conversion,company,2026-08,45
            billing_growth,company,2026-09,10
            churn,team:Nadie,2026-09,1
            churn,person:alexw@contoso.example,2026-13,1
            """));

        Assert.Equal(CliRunner.Failure, code);
        Assert.Contains("0 created, 1 updated, 1 unchanged, 3 rejected.", output);
        Assert.Contains("line 4: rejected  billing_growth company 2026-09", output);
        Assert.Contains("line 5: rejected  churn team:Nadie 2026-09 - I couldn't find the team \"Nadie\".", output);
    }
}

public sealed class SqliteIndicatorEngineTests : IndicatorEngineTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresIndicatorEngineTests : IndicatorEngineTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
