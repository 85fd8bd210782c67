namespace SalesBot.Tests.Indicators;

/// <summary>
/// "metas [mes]": a month's goals for the scope and each member, set or derived by the goal rules
/// (counts and money add up, rates fall back), for whoever may read the scope.
/// </summary>
public abstract class GoalsChatTests : DemoBotTest
{
    private readonly SqlCommandCounter _sql = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(_sql);
        services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(_sql);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var cli = new CliHarness(Database);
        var (code, output, error) = await cli.Run("goals", "import", cli.Csv("""
            indicator,scope,month,target
            budget_execution_regulated,person:alexw@contoso.example,2026-12,3
            budget_execution_non_regulated,team:Ventas Bogotá,2026-12,80000000
            conversion,company,2026-12,40
            visit_compliance,team:Ventas Bogotá,2026-12,90
            visit_compliance,company,2026-11,85
            """));
        Assert.True(code == 0, output + error);
    }

    /// <summary>Each row of the card as (name, detail, figure).</summary>
    private static List<(string Name, string Detail, string Figure)> Rows(JsonObject card) =>
        card.Descendants().Where(n => n["$data"] is null && n["type"]?.GetValue<string>() == "ColumnSet")
            .Select(n => n.Descendants().Where(d => d["type"]?.GetValue<string>() == "TextBlock").Select(d => d["text"]!.GetValue<string>()).ToList())
            .Select(t => (t[0], t[1], t[2])).ToList();

    [Fact]
    public async Task A_director_reads_the_companys_goals_with_each_teams_set_summed_or_taken_from_the_company()
    {
        var card = (await AskAsync(Diego.Message("metas 2026-12"))).Card()!;
        Assert.InRange(_sql.LastRequest, 1, Hostile.HostileInputTests.MaxSqlCommandsPerTurn);

        Assert.Equal("Metas · la empresa · diciembre de 2026", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("3 de 6 indicadores tienen meta.", card["body"]![1]!["text"]!.GetValue<string>());
        Assert.Equal(
        [
            ("Ejecución presupuestal, mercado regulado", "suma de los equipos", "3"),
            ("Ventas Bogotá", "suma de sus ejecutivos", "3"),
            ("Ejecución presupuestal, mercado no regulado", "suma de los equipos", "80 millones"),
            ("Ventas Bogotá", "fijada", "80 millones"),
            ("Conversión", "fijada", "40 %"),
            ("Ventas Bogotá", "la de la empresa", "40 %"),
            ("Cumplimiento de visitas", "sin meta", "–"), // November's company goal is not December's
            ("Ventas Bogotá", "fijada", "90 %"),
            ("Oportunidad de respuesta a PQR", "sin meta", "–"),
            ("Ventas Bogotá", "sin meta", "–"),
            ("Desvinculación de clientes", "sin meta", "–"),
            ("Ventas Bogotá", "sin meta", "–"),
        ], Rows(card));
    }

    [Fact]
    public async Task A_team_lead_reads_the_team_with_each_executive_in_english_and_an_executive_only_their_own()
    {
        var team = (await AskAsync(Megan.Message("goals 2026-12 team", "en-US"))).Card()!;
        var alex = (await AskAsync(Alex.Message("metas 2026-12"))).Card()!;
        var company = await AskAsync(Alex.Message("metas empresa"));
        var quarter = await AskAsync(Alex.Message("metas 2026-Q4"));

        Assert.Equal("Goals · team Ventas Bogotá · December 2026", team["body"]![0]!["text"]!.GetValue<string>());
        var rows = Rows(team);
        Assert.Contains(("Alex Wilber", "set", "3"), rows);
        Assert.Contains(("Alex Wilber", "their team's", "90%"), rows);
        Assert.Contains(("Alex Wilber", "the company's", "40%"), rows);
        Assert.DoesNotContain(rows, r => r.Name == "Megan Bowen"); // the rows are the team's executives

        Assert.Equal("Metas · Alex Wilber · diciembre de 2026", alex["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(6, Rows(alex).Count); // one per indicator that takes a goal, no members
        Assert.StartsWith("No tienes permiso para ver los indicadores de toda la empresa", company.Said());
        Assert.Contains("las metas son de un mes", quarter.Said());
    }
}

public sealed class SqliteGoalsChatTests : GoalsChatTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresGoalsChatTests : GoalsChatTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
