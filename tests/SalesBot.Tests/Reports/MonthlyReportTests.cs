using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Time.Testing;
using SalesBot.Cli;
using SalesBot.Features.Clients;
using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Tests.Reports;

/// <summary>
/// The monthly report on a known September 2026 (loaded through the go-live files into the demo
/// organisation), on a fake clock: sent once on the first business day of October to each
/// executive, team lead and commercial director, caught up after downtime; asked for in chat by
/// whoever may read the scope; its XLSX downloaded through the signed link with real values.
/// </summary>
public abstract class MonthlyReportTests : IAsyncLifetime
{
    private const string BaseUrl = "https://salesbot.contoso.example";
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);
    // Wednesday 30 September 2026, 09:00 in Bogotá: the day before the first business day of October.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 30, 9, 0, 0, Bogota).ToUniversalTime());
    private readonly HttpClient _http = new();
    private TestDatabase _database = null!;
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;
    private Activities _alex = null!, _megan = null!, _diego = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _connector = await FakeConnector.StartAsync();
        _bot = BotHost.Start(_database, s => s.AddSingleton<TimeProvider>(_clock), new Dictionary<string, string?>
        {
            ["Links:BaseUrl"] = BaseUrl,
            ["Links:SigningKey"] = "test-signing-key-0123456789-abcdefghij",
            ["Reports:SendMonthly"] = "true",
        });
        // The scheduler's first round at start-up catches up September's run (August's report) for an
        // organisation with nobody in it yet; done here, before the data, so its timing cannot matter.
        await _bot.Services.GetRequiredService<DailyJobScheduler>().RunDueJobsAsync(default);
        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            var admin = Actor.CommandLine("test");
            Assert.True((await scope.ServiceProvider.GetRequiredService<SeedDemoOrganization>().ExecuteAsync(admin, default)).Ok);
            Assert.True((await scope.ServiceProvider.GetRequiredService<SeedDemoClients>().ExecuteAsync(admin, default)).Ok);
        }
        using var cli = new CliHarness(_database);
        async Task Import(params string[] args)
        {
            var (code, output, error) = await cli.Run(args);
            Assert.True(code == 0, string.Join(" ", args) + ": " + output + error);
        }
        await Import("import", "clients", cli.Csv("""
            name,nit,segment,owner_email,city
            Regulado Uno,900111111,regulated,alexw@contoso.example,Bogotá
            Regulado Dos,900222222,regulated,meganb@contoso.example,Bogotá
            Empresa Uno,900333333,enterprise,alexw@contoso.example,Bogotá
            """));
        await Import("import", "signups", cli.Csv("""
            nit,date,kind,reason
            900111111,2026-09-05,signup,
            900222222,2026-09-10,signup,
            900333333,2026-06-01,signup,
            900333333,2026-09-15,churn,se fue a la competencia
            """));
        await Import("import", "opportunities", cli.Csv("""
            nit,name,owner_email,seats,unit_value,months,stage,created_on,proposal_on,won_on
            900333333,Suministro 2027,alexw@contoso.example,10,100000,12,won,2026-06-01,2026-07-10,2026-09-10
            """));
        await Import("import", "visit-plans", cli.Csv("""
            owner_email,month,planned
            alexw@contoso.example,2026-09,4
            """));
        await Import("import", "visits", cli.Csv("""
            nit,owner_email,date,time,duration_minutes,type,status,outcome,opportunity
            900333333,alexw@contoso.example,2026-09-02,10:00,60,follow-up,done,interested,Suministro 2027
            900111111,alexw@contoso.example,2026-09-09,15:30,60,follow-up,done,interested,
            900111111,alexw@contoso.example,2026-09-16,10:00,60,follow-up,cancelled,,
            """));
        var serviceUrl = _connector.ServiceUrl;
        _alex = new Activities(serviceUrl);
        _megan = new Activities(serviceUrl) { UserId = "user-id-1", UserName = "Megan Bowen", AadObjectId = "00000000-0000-0000-0000-0000000000021" };
        _diego = new Activities(serviceUrl) { UserId = "user-id-2", UserName = "Diego Siciliani", AadObjectId = "00000000-0000-0000-0000-0000000000022" };
        // They have chats with the bot, so the scheduled reports can reach them.
        foreach (var who in new[] { _alex, _megan, _diego }) await _bot.SendAsync(who.Message("hola"));
        await _connector.WaitForActivitiesAsync(3);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task RunAtAsync(DateTimeOffset localTime)
    {
        _clock.SetUtcNow(localTime.ToUniversalTime());
        await _bot.Services.GetRequiredService<DailyJobScheduler>().RunDueJobsAsync(default);
        await _bot.WaitForOutboxDrainedAsync();
    }

    private List<string> ReportTitles() => _connector.PostedActivities.Select(a => a.Card()).OfType<JsonObject>()
        .Select(c => c["body"]![0]!["text"]!.GetValue<string>()).Where(t => t.StartsWith("Informe mensual", StringComparison.Ordinal)).ToList();

    private async Task<JsonObject> AskAsync(Activities who, string text)
    {
        var before = _connector.PostedActivities.Count;
        await _bot.SendAsync(who.Message(text));
        return (await _connector.WaitForActivitiesAsync(before + 1))[before];
    }

    [Fact]
    public async Task The_reports_go_out_once_on_the_first_business_day_to_each_reader_and_are_caught_up_after_downtime()
    {
        await RunAtAsync(new DateTimeOffset(2026, 9, 30, 9, 0, 0, Bogota));
        await RunAtAsync(new DateTimeOffset(2026, 10, 1, 7, 59, 0, Bogota));
        Assert.Empty(ReportTitles());

        await RunAtAsync(new DateTimeOffset(2026, 10, 1, 8, 0, 0, Bogota));
        Assert.Equal(
            ["Informe mensual · Alex Wilber · septiembre de 2026", "Informe mensual · equipo Ventas Bogotá · septiembre de 2026", "Informe mensual · la empresa · septiembre de 2026"],
            ReportTitles().Order(StringComparer.Ordinal));
        var alexs = _connector.PostedActivities.Select(a => a.Card()).OfType<JsonObject>().Single(c => c.AllText().Contains("Informe mensual · Alex Wilber", StringComparison.Ordinal));
        Assert.Contains("2 de 4 planeadas", alexs.AllText());
        Assert.Contains(BaseUrl + "/reports/monthly/2026-09.xlsx?scope=person%3A", alexs.ToJsonString().Replace("\\u0026", "&", StringComparison.Ordinal));

        // Later the same day and month: never again.
        await RunAtAsync(new DateTimeOffset(2026, 10, 1, 15, 0, 0, Bogota));
        await RunAtAsync(new DateTimeOffset(2026, 10, 2, 8, 30, 0, Bogota));
        Assert.Equal(3, ReportTitles().Count);

        // Down over November's first business day (Tuesday the 3rd, after the 2 November holiday): sent on the first day up.
        await RunAtAsync(new DateTimeOffset(2026, 11, 2, 9, 0, 0, Bogota));
        Assert.Equal(3, ReportTitles().Count);
        await RunAtAsync(new DateTimeOffset(2026, 11, 5, 10, 0, 0, Bogota));
        Assert.Equal(3, ReportTitles().Count(t => t.EndsWith("octubre de 2026", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_team_lead_reads_the_team_with_a_row_per_executive_and_downloads_its_workbook()
    {
        var card = (await AskAsync(_megan, "informe mensual 2026-09")).Card()!;
        var text = card.AllText();
        Assert.Equal("Informe mensual · equipo Ventas Bogotá · septiembre de 2026", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("Por ejecutivo", text);
        Assert.Contains("Alex Wilber", text);
        Assert.Contains("2 de 4 planeadas", text);     // visits done of planned
        Assert.Contains("2 vinculaciones · 1 retiros", text); // Alex's and Megan's clients
        Assert.Contains("1 ganadas · 0 perdidas", text);

        var url = card["actions"]!.AsArray().Single()!["url"]!.GetValue<string>();
        var local = _bot.MessagesUrl.Replace("/api/messages", "", StringComparison.Ordinal) + new Uri(url).PathAndQuery;
        using var response = await _http.GetAsync(local);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var book = Workbook.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Resumen", "Indicadores", "Por ejecutivo", "Visitas", "Vinculaciones y retiros", "Movimientos de etapa", "Ofertas", "PQR"], book.Keys);
        Assert.Equal(["Fecha", "Cliente", "Responsable", "Tipo", "Estado", "Resultado", "Oportunidad"], book["Visitas"][0].Select(c => c.Text));
        var first = book["Visitas"][1];
        Assert.Equal(new DateTime(2026, 9, 2, 10, 0, 0), first[0].Date); // a real date, in Bogotá's time
        Assert.Equal(["Empresa Uno", "Alex Wilber", "Seguimiento", "Realizada", "Interesado", "Suministro 2027"], first.Skip(1).Select(c => c.Text));
        Assert.Equal(2, book["Resumen"].Single(r => r[0].Text == "Visitas realizadas")[1].Number); // a number, not text
        Assert.Equal(["Alex Wilber"], book["Por ejecutivo"].Skip(1).Select(r => r[0].Text));
        Assert.Equal(new DateTime(2026, 9, 15), book["Vinculaciones y retiros"].Single(r => r[2].Text == "Retiro")[0].Date);

        using var forged = await _http.GetAsync(local.Replace("scope=team", "scope=company", StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forged.StatusCode);
        _clock.Advance(TimeSpan.FromDays(36));
        using var expired = await _http.GetAsync(local);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task An_executive_reads_only_their_own_report_and_a_month_is_a_month()
    {
        var mine = (await AskAsync(_alex, "informe mensual 2026-09")).Card()!;
        var team = await AskAsync(_alex, "informe mensual equipo");
        var quarter = await AskAsync(_alex, "informe mensual 2026-Q3");
        var nonsense = await AskAsync(_alex, "informe mensual del mes trece");

        Assert.Equal("Informe mensual · Alex Wilber · septiembre de 2026", mine["body"]![0]!["text"]!.GetValue<string>());
        Assert.DoesNotContain("Por ejecutivo", mine.AllText());
        Assert.StartsWith("No tienes permiso para ver los indicadores del equipo", team.Said());
        Assert.Contains("el informe es de un mes entero", quarter.Said());
        Assert.StartsWith("No encontré la persona «mes trece»", nonsense.Said());
    }

    [Fact]
    public async Task The_command_line_writes_the_same_workbook_in_english()
    {
        using var cli = new CliHarness(_database);
        var path = Path.Combine(cli.Directory, "company.xlsx");
        var (code, output, error) = await cli.Run("report", "monthly", "--scope", "company", "--month", "2026-09", "--lang", "en", "--out", path);
        Assert.True(code == CliRunner.Success, output + error);
        Assert.Contains("3 visits (2 done of 4 planned), 2 sign-ups, 1 churned, 1 stage moves", output);
        var book = Workbook.Read(await File.ReadAllBytesAsync(path));
        Assert.Equal(["Summary", "Indicators", "By team", "Visits", "Sign-ups and churn", "Stage moves", "Offers", "PQRs"], book.Keys);
        Assert.Equal(["Indicator", "Value (%)", "Goal", "Numerator", "Denominator", "Status"], book["Indicators"][0].Select(c => c.Text));
        Assert.Equal(["Ventas Bogotá"], book["By team"].Skip(1).Select(r => r[0].Text));
        Assert.Equal(["Sign-up", "Sign-up", "Churn"], book["Sign-ups and churn"].Skip(1).Select(r => r[2].Text));

        var (bad, _, why) = await cli.Run("report", "monthly", "--scope", "team", "--team", "Nadie", "--month", "2026-09", "--out", path);
        Assert.Equal(CliRunner.BadArguments, bad);
        Assert.Contains("no team named Nadie", why);
        Assert.NotEqual(CliRunner.Success, (await cli.Run("report", "monthly", "--scope", "company", "--month", "2026-Q3", "--out", path)).Code);
    }

    [Fact]
    public async Task The_indicator_card_shows_its_trend_chart_through_a_signed_link()
    {
        var card = (await AskAsync(_megan, "indicador conversión equipo 2026-Q3")).Card()!;
        var image = card.Descendants().Single(n => n["type"]?.GetValue<string>() == "Image");
        Assert.StartsWith("Gráfico de Conversión: ", image["altText"]!.GetValue<string>());
        var url = image["url"]!.GetValue<string>();
        Assert.StartsWith(BaseUrl + "/charts/indicators/conversion.png?scope=team%3A", url);
        await _bot.ChartAsync(url);
        using var forged = await _http.GetAsync(_bot.LocalUrlOf(url).Replace("period=2026-Q3", "period=2026-Q2", StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forged.StatusCode);
    }

    /// <summary>A workbook as a reader sees it: each sheet's rows of cells, with their text, number or date.</summary>
    private static class Workbook
    {
        public sealed record CellValue(string? Text, double? Number, DateTime? Date);

        public static Dictionary<string, List<List<CellValue>>> Read(byte[] bytes)
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var part = document.WorkbookPart!;
            var formats = part.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
            var customDates = part.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
                .Where(f => f.FormatCode!.Value!.Contains("yy", StringComparison.Ordinal)).Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
            var result = new Dictionary<string, List<List<CellValue>>>();
            foreach (var sheet in part.Workbook!.Sheets!.Elements<Sheet>())
            {
                var data = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet!.GetFirstChild<SheetData>()!;
                result[sheet.Name!] = data.Elements<Row>().Select(row => row.Elements<Cell>().Select(cell =>
                {
                    var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText;
                    if (cell.DataType?.Value == CellValues.InlineString || cell.DataType?.Value == CellValues.String) return new CellValue(raw, null, null);
                    if (cell.DataType?.Value == CellValues.SharedString)
                        return new CellValue(part.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().ElementAt(int.Parse(raw!, CultureInfo.InvariantCulture)).InnerText, null, null);
                    if (raw is null) return new CellValue(null, null, null);
                    var number = double.Parse(raw, CultureInfo.InvariantCulture);
                    var format = cell.StyleIndex is { } s ? formats[(int)s.Value].NumberFormatId?.Value ?? 0 : 0;
                    var isDate = format is >= 14 and <= 22 || customDates.Contains(format);
                    return isDate ? new CellValue(null, null, DateTime.FromOADate(number)) : new CellValue(null, number, null);
                }).ToList()).ToList();
            }
            return result;
        }
    }
}

public sealed class SqliteMonthlyReportTests : MonthlyReportTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresMonthlyReportTests : MonthlyReportTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
