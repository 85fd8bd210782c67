namespace SalesBot.Tests.Indicators;

/// <summary>Indicators in chat: who may read whose, the default scope of each role, names and periods as people say them.</summary>
public abstract class IndicatorChatTests : DemoBotTest
{
    private readonly SqlCommandCounter _sql = new();

    protected override void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(services, _sql);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(services, _sql);
    }

    /// <summary>
    /// Seven indicators and six periods of trend each, for a person, a team and the company: each
    /// measure reads its seven periods at once, so the card stays within a turn's usual work.
    /// </summary>
    [Fact]
    public async Task A_card_of_every_indicator_costs_a_bounded_number_of_queries_whatever_the_scope()
    {
        var counts = new List<int>();
        foreach (var (who, text) in new[] { (Alex, "indicadores"), (Megan, "indicadores"), (Diego, "indicadores 2026"), (Megan, "indicador conversión Alex Wilber") })
        {
            Assert.NotNull((await AskAsync(who.Message(text))).Card());
            counts.Add(_sql.LastRequest);
        }
        Assert.All(counts, c => Assert.InRange(c, 1, Hostile.HostileInputTests.MaxSqlCommandsPerTurn));
    }

    private static List<string> RowNames(JsonObject card) =>
        card.Descendants().Where(n => n["$data"] is null && n["type"]?.GetValue<string>() == "ColumnSet")
            .Select(n => n.Descendants().First(d => d["type"]?.GetValue<string>() == "TextBlock")["text"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task An_executive_reads_their_own_seven_indicators_and_not_the_companys()
    {
        var mine = (await AskAsync(Alex.Message("indicadores"))).Card()!;
        var company = await AskAsync(Alex.Message("indicadores empresa"));
        var megans = await AskAsync(Alex.Message("indicador conversión Megan Bowen"));

        var text = mine.AllText();
        Assert.StartsWith("Indicadores · Alex Wilber · ", mine["body"]![0]!["text"]!.GetValue<string>());
        foreach (var name in new[] { "Ejecución presupuestal, mercado regulado", "Conversión", "Cumplimiento de visitas", "Desvinculación de clientes", "Oportunidad de respuesta a PQR" })
            Assert.Contains(name, text);
        Assert.Contains("antes: ", text);
        Assert.StartsWith("No tienes permiso para ver los indicadores de toda la empresa", company.Said());
        Assert.StartsWith("No tienes permiso para ver los indicadores de esa persona", megans.Said());
    }

    [Fact]
    public async Task A_team_lead_reads_the_team_by_default_and_one_indicator_with_its_trend_by_quarter()
    {
        var team = (await AskAsync(Megan.Message("indicators", "en-US"))).Card()!;
        var conversion = (await AskAsync(Megan.Message("indicador conversion equipo 2026-Q3"))).Card()!;
        var alex = (await AskAsync(Megan.Message("indicador churn Alex Wilber noviembre"))).Card()!;

        Assert.StartsWith("Indicators · team Ventas Bogotá · ", team["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Conversión · equipo Ventas Bogotá · T3 2026", conversion["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("T1 2025", conversion.AllText()); // six quarters before, oldest first
        Assert.Contains("T2 2026", conversion.AllText());
        Assert.StartsWith("Desvinculación de clientes · Alex Wilber · noviembre", alex["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_director_reads_the_company_and_an_unknown_indicator_gets_the_list()
    {
        var company = (await AskAsync(Diego.Message("indicadores este trimestre"))).Card()!;
        var which = await AskAsync(Diego.Message("indicador felicidad"));
        var stranger = await AskAsync(new Activities(Connector.ServiceUrl) { UserId = "u-99", UserName = "Nadie", AadObjectId = "00000000-0000-0000-0000-000000000099" }.Message("indicadores"));

        Assert.StartsWith("Indicadores · la empresa · T", company["body"]![0]!["text"]!.GetValue<string>());
        Assert.StartsWith("¿Cuál indicador?", which.Said());
        Assert.Contains("Conversión", which.Said());
        Assert.StartsWith("No tienes permiso para ver indicadores", stranger.Said());
    }
}

public sealed class SqliteIndicatorChatTests : IndicatorChatTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresIndicatorChatTests : IndicatorChatTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
