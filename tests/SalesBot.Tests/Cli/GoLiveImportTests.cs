using System.Globalization;
using SalesBot.Cli;

namespace SalesBot.Tests.Cli;

/// <summary>
/// The go-live files (`import billing|signups|opportunities|visits|visit-plans`) on the demo
/// organisation: good rows land together, bad rows are reported by line with their reasons (exit 1),
/// a file without a required column or unreadable is refused (exit 2), and a second run changes nothing.
/// </summary>
public sealed class GoLiveImportTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Day(int daysAgo) => DateTime.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task SeedAsync() => Assert.Equal(0, (await _cli.Run("seed-demo", "--playground-dir", Path.Combine(_cli.Directory, "pg"))).Code);

    [Fact]
    public async Task Billing_replaces_a_client_month_imported_again_and_reports_bad_rows_by_line()
    {
        await SeedAsync();
        var file = _cli.Csv("""
            nit;month;amount
            900.123.456-8;2026-10;12.500.000
            900123456;2026-11;13.000.000,50
            800.456.789;2026-11;4000000
            111.222.333;2026-11;1000
            900.123.456-8;2026-13;1000
            800.456.789;2026-10;mucho
            """);
        var replaced = _cli.Csv("""
            NIT,Mes,Valor
            900.123.456-8,2026-10,12500000
            900.123.456-8,2026-11,14000000
            """);

        var first = await _cli.Run("import", "billing", file);
        var again = await _cli.Run("import", "billing", replaced);

        Assert.Equal(CliRunner.Failure, first.Code);
        Assert.Contains("line 2: created   900.123.456-8 2026-10", first.Out);
        Assert.Contains("line 5: rejected  111.222.333 2026-11 - I couldn't find the client \"111.222.333\".", first.Out);
        Assert.Contains("line 6: rejected  900.123.456-8 2026-13 - The value \"Month\" is not valid: must be a month YYYY-MM.", first.Out);
        Assert.Contains("line 7: rejected  800.456.789 2026-10 - The value \"Amount\" is not valid", first.Out);
        Assert.Contains("3 created, 0 updated, 0 unchanged, 3 rejected.", first.Out);
        Assert.Equal(0, again.Code);
        Assert.Contains("line 2: unchanged 900.123.456-8 2026-10", again.Out);
        Assert.Contains("line 3: updated   900.123.456-8 2026-11", again.Out);
        // Money in hundredths on SQLite: 14.000.000,00.
        Assert.Equal(["2026|11|1400000000", "2026|10|1250000000", "2026|11|400000000"],
            await _cli.Query("SELECT Year, Month, Amount FROM ClientBillings ORDER BY Amount DESC, Month"));
    }

    [Fact]
    public async Task A_file_without_a_required_column_or_unreadable_is_refused_with_exit_2()
    {
        await SeedAsync();
        var noAmount = await _cli.Run("import", "billing", _cli.Csv("nit;month\n900.123.456-8;2026-10\n"));
        var broken = Path.Combine(_cli.Directory, "broken.xlsx");
        await File.WriteAllTextAsync(broken, "not a spreadsheet");
        var unreadable = await _cli.Run("import", "visits", broken);
        var unknownKind = await _cli.Run("import", "goals", _cli.Csv("a\n1\n"));

        Assert.Equal((CliRunner.BadArguments, true), (noAmount.Code, noAmount.Err.Contains("missing column(s) amount", StringComparison.Ordinal)));
        Assert.Equal((CliRunner.BadArguments, true), (unreadable.Code, unreadable.Err.Contains("not a readable XLSX file", StringComparison.Ordinal)));
        Assert.Equal(CliRunner.BadArguments, unknownKind.Code);
        Assert.Empty(await _cli.Query("SELECT * FROM ClientBillings"));
    }

    [Fact]
    public async Task Sign_ups_and_churn_set_the_status_by_date_and_a_second_run_changes_nothing()
    {
        await SeedAsync();
        var path = Path.Combine(_cli.Directory, "vinculaciones.xlsx");
        TestSpreadsheets.WriteXlsx(path,
            ["NIT", "Fecha", "Tipo", "Motivo"],
            ["900.123.456-8", Day(60), "vinculación", ""],
            ["900.123.456-8", Day(10), "desvinculacion", "Se fue a la competencia"],
            ["890.000.111", Day(5), "signup", ""],
            ["800.456.789", Day(3), "churn", ""],
            ["800.456.789", Day(3), "quizás", "x"]);

        var first = await _cli.Run("import", "signups", path);
        var second = await _cli.Run("import", "signups", path);

        Assert.Equal(CliRunner.Failure, first.Code);
        Assert.True(first.Out.Contains("3 created, 0 updated, 0 unchanged, 2 rejected.", StringComparison.Ordinal), first.Out + first.Err);
        Assert.Contains("line 5: rejected", first.Out);
        Assert.Contains("Reason", first.Out);
        Assert.Contains("0 created, 0 updated, 3 unchanged, 2 rejected.", second.Out);
        Assert.Equal(["Ferretería El Sol S.A.S.|Churned", "Hospital San Rafael|Active"],
            await _cli.Query("SELECT Name, Status FROM Clients WHERE Name IN ('Ferretería El Sol S.A.S.', 'Hospital San Rafael') ORDER BY Name"));
    }

    [Fact]
    public async Task Opportunities_come_with_their_stage_dates_and_visits_link_to_them()
    {
        await SeedAsync();
        var deals = _cli.Csv($"""
            nit,name,owner_email,seats,unit_value,months,stage,created_on,qualification_on,proposal_on,won_on,lost_on,lost_reason
            900.123.456-8,Suministro 2027,alexw@contoso.example,40,250000,24,proposal,{Day(90)},{Day(60)},{Day(30)},,,
            800.456.789,Planta norte,alexw@contoso.example,10,1.000.000,12,won,{Day(120)},,{Day(100)},{Day(50)},,
            890.000.111,Urgencias,meganb@contoso.example,5,100000,12,lost,{Day(80)},,,,{Day(20)},precio
            890.000.111,Sin motivo,meganb@contoso.example,5,100000,12,lost,{Day(80)},,,,{Day(20)},
            900.123.456-8,Sin fecha,alexw@contoso.example,5,100000,12,negotiation,{Day(90)},,{Day(30)},,,
            """);
        var visits = _cli.Csv($"""
            nit;owner_email;date;time;duration_minutes;type;status;outcome;contact;opportunity
            900.123.456-8;alexw@contoso.example;{Day(20)};10:00;60;seguimiento;realizada;interested;Carlos Ruiz;suministro
            900.123.456-8;alexw@contoso.example;{Day(15)};15:30;45;follow-up;cancelled;;;
            800.456.789;alexw@contoso.example;{Day(12)};09:00;60;follow-up;done;signed-up;;contrato inexistente
            """);

        var first = await _cli.Run("import", "opportunities", deals);
        var second = await _cli.Run("import", "opportunities", deals);
        var visited = await _cli.Run("import", "visits", visits);
        var visitedAgain = await _cli.Run("import", "visits", visits);

        Assert.True(first.Out.Contains("3 created, 0 updated, 0 unchanged, 2 rejected.", StringComparison.Ordinal), first.Out + first.Err);
        Assert.Contains("line 5: rejected  890.000.111 Sin motivo - The value \"Lost reason\"", first.Out);
        Assert.Contains("line 6: rejected  900.123.456-8 Sin fecha - The value \"Stage\" is not valid: the stage dates do not fit the stage", first.Out);
        Assert.Contains("0 created, 0 updated, 3 unchanged, 2 rejected.", second.Out);
        var history = await _cli.Query("SELECT o.Title, c.FromStage, c.ToStage, date(c.At) FROM OpportunityStageChanges c JOIN Opportunities o ON o.Id = c.OpportunityId WHERE o.Title = 'Suministro 2027' ORDER BY c.At");
        Assert.Equal(["Suministro 2027||Hunting", "Suministro 2027|Hunting|Qualification", "Suministro 2027|Qualification|Proposal"],
            history.Select(h => string.Join("|", h.Split('|').Take(3))));
        // Entered on the file's day, at the start of that day in Bogotá (SQLite keeps the instant as a binary DateTimeOffset).
        var stored = long.Parse((await _cli.Query("SELECT At FROM OpportunityStageChanges WHERE ToStage = 'Proposal' AND FromStage = 'Qualification'")).Single(), CultureInfo.InvariantCulture);
        var entered = (DateTimeOffset)new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertFromProvider(stored)!;
        Assert.Equal(Day(30) + "T00:00-05:00", entered.ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture));
        Assert.Equal(["Planta norte|Won|100"], await _cli.Query("SELECT Title, Stage, Probability FROM Opportunities WHERE Title = 'Planta norte'"));

        Assert.Contains("2 created, 0 updated, 0 unchanged, 1 rejected.", visited.Out);
        Assert.Contains("line 4: rejected", visited.Out);
        Assert.Contains("Planta norte", visited.Out); // the client's deals, to choose from
        Assert.Contains("0 created, 0 updated, 2 unchanged, 1 rejected.", visitedAgain.Out);
        Assert.Equal(["Done|Suministro 2027|1", "Cancelled||0"],
            await _cli.Query("SELECT Status, ifnull(Opportunity, ''), OpportunityId IS NOT NULL FROM Visits ORDER BY Start"));
        // History never signs a client up: the sign-ups file does.
        Assert.Empty(await _cli.Query("SELECT * FROM ClientLifecycleEvents"));
    }

    [Fact]
    public async Task Visit_plans_are_set_per_executive_and_month()
    {
        await SeedAsync();
        var file = _cli.Csv("""
            owner_email,month,planned
            alexw@contoso.example,2026-11,12
            meganb@contoso.example,2026-11,8
            alexw@contoso.example,2026-11,14
            nadie@contoso.example,2026-11,3
            """);

        var first = await _cli.Run("import", "visit-plans", file);
        var second = await _cli.Run("import", "visit-plans", file);

        Assert.True(first.Out.Contains("2 created, 0 updated, 0 unchanged, 2 rejected.", StringComparison.Ordinal), first.Out + first.Err);
        Assert.Contains("line 4: rejected  alexw@contoso.example 2026-11 - It repeats line 2.", first.Out);
        Assert.Contains("0 created, 0 updated, 2 unchanged, 2 rejected.", second.Out);
        Assert.Equal(["12", "8"], await _cli.Query("SELECT Planned FROM VisitPlans WHERE Year = 2026 AND Month = 11 ORDER BY Planned DESC"));
    }
}

/// <summary>`seed-demo --history`: a newcomer's first indicators show real figures; a second run leaves the history alone.</summary>
public sealed class DemoHistoryTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_demo_history_gives_every_indicator_figures_and_is_written_once()
    {
        var first = await _cli.Run("seed-demo", "--history", "--playground-dir", Path.Combine(_cli.Directory, "pg"));
        var second = await _cli.Run("seed-demo", "--history", "--playground-dir", Path.Combine(_cli.Directory, "pg"));
        var month = DateTime.Today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var quarter = $"{DateTime.Today.AddMonths(-3).ToString("yyyy-MM-01", CultureInfo.InvariantCulture)}/{DateTime.Today.AddDays(-DateTime.Today.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

        Assert.True(first.Code == 0, first.Out + first.Err);
        Assert.Contains("Demo history ready: 8 clients", first.Out);
        Assert.Contains("Demo history already there", second.Out);
        Assert.Equal(["8"], await _cli.Query("SELECT count(*) FROM Opportunities"));
        foreach (var indicator in new[] { "billing_growth", "visit_compliance", "conversion" })
        {
            var (code, json, error) = await _cli.Run("indicator", indicator, "--scope", "company", "--period", indicator == "conversion" ? quarter : month, "--json");
            Assert.True(code == 0, error);
            Assert.NotNull(System.Text.Json.Nodes.JsonNode.Parse(json)!["value"]);
        }
        Assert.Equal(["3"], await _cli.Query("SELECT count(*) FROM Pqrs WHERE FilingNumber LIKE 'DEMO-%'"));
        // Offers sent (approved along its chain), awaiting approval, and sent back for changes.
        Assert.Equal(["3|3"], await _cli.Query("SELECT count(*), count(DISTINCT Status) FROM Offers"));
    }
}
