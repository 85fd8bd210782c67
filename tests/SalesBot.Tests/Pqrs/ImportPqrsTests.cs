using SalesBot.Cli;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Tests.Pqrs;

/// <summary>`salesbot import pqrs FILE` on CSV and XLSX files, run in-process against a SQLite file.</summary>
public sealed class ImportPqrsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private Task<(int Code, string Out, string Err)> Run(params string[] args) => _cli.Run(args);

    private string Csv(string content) => _cli.Csv(content);

    private async Task<T> Query<T>(Func<SalesBotDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<SqliteSalesBotDbContext>().UseSqlite($"Data Source={_cli.DbPath}").Options;
        await using var db = new SqliteSalesBotDbContext(options);
        return await query(db);
    }

    [Fact]
    public async Task Good_rows_are_registered_with_their_due_dates_and_importing_again_changes_nothing()
    {
        await Run("seed-demo", "--playground-dir", Path.Combine(_cli.Directory, "pg"));
        var file = Csv("""
            Radicado;NIT;Tipo;Canal;Fecha radicación;Descripción;Observaciones internas
            2026-0001;900.123.456-8;reclamo;correo;2026-03-27T16:30;Cobro doble en marzo;x
            2026-0002;890000111;Petición;oficina;27/03/2026 08:00;Copia del contrato;
            """);

        var first = await Run("import", "pqrs", file);
        var second = await Run("import", "pqrs", file);

        Assert.Equal(0, first.Code);
        Assert.Contains("note: column 'observaciones_internas' is not a PQR field and was ignored", first.Out);
        Assert.Contains("line 2: created   2026-0001 -> Alex Wilber", first.Out);
        Assert.Contains("line 3: created   2026-0002 -> Megan Bowen", first.Out);
        Assert.DoesNotContain("Cobro doble", first.Out); // the report names rows by radicado only
        Assert.Equal(0, second.Code);
        Assert.Contains("0 created, 2 unchanged, 0 rejected.", second.Out);
        var due = await Query(db => db.Pqrs.OrderBy(p => p.FilingNumber).Select(p => p.DueDate).ToListAsync());
        Assert.Equal([new DateOnly(2026, 4, 21), new DateOnly(2026, 4, 21)], due);
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_their_reasons_and_good_rows_still_land()
    {
        await Run("seed-demo", "--playground-dir", Path.Combine(_cli.Directory, "pg"));
        var file = Csv("""
            radicado,nit,tipo,canal,fecha_radicacion,descripcion
            B-1,900123456,queja,web,2026-03-02 10:00,Buena
            B-2,999888777,queja,web,2026-03-02 10:00,Cliente que no existe
            B-3,900123456,felicitacion,fax,ayer,
            B-1,900123456,reclamo,web,2026-03-02 10:00,Otro contenido con el mismo radicado
            B-1,900123456,queja,web,2026-03-02 10:00,Buena
            """);

        var (code, output, _) = await Run("import", "pqrs", file);

        Assert.Equal(CliRunner.Failure, code);
        Assert.Contains("line 2: created   B-1", output);
        Assert.Contains("line 3: rejected  B-2 - I couldn't find the client \"999888777\".", output);
        Assert.Contains("line 4: rejected  B-3 - The value \"Type\" is not valid", output);
        Assert.Contains("line 5: rejected  B-1 - The PQR \"B-1\" already exists.", output);
        Assert.Contains("line 6: unchanged B-1", output);
        Assert.Contains("1 created, 1 unchanged, 3 rejected.", output);
        Assert.Equal(1, await Query(db => db.Pqrs.CountAsync()));
    }

    [Fact]
    public async Task An_XLSX_export_imports_like_a_CSV()
    {
        await Run("seed-demo", "--playground-dir", Path.Combine(_cli.Directory, "pg"));
        var path = Path.Combine(_cli.Directory, "pqrs.xlsx");
        TestSpreadsheets.WriteXlsx(path,
            ["Radicado", "NIT", "Tipo", "Canal", "Fecha radicación", "Descripción"],
            ["X-1", "800456789", "consulta", "teléfono", "2026-06-01 09:15", "Consulta de tarifas"]);

        var (code, output, _) = await Run("import", "pqrs", path);

        Assert.Equal(0, code);
        Assert.Contains("line 2: created   X-1 -> Alex Wilber", output);
    }

    [Fact]
    public async Task A_file_missing_required_columns_is_refused_with_exit_2_and_registers_nothing()
    {
        await Run("seed-demo", "--playground-dir", Path.Combine(_cli.Directory, "pg"));

        var (code, _, error) = await Run("import", "pqrs", Csv("radicado,nit\nM-1,900123456\n"));

        Assert.Equal(CliRunner.BadArguments, code);
        Assert.Contains("missing column(s) tipo, canal, fecha_radicacion, descripcion", error);
        Assert.Equal(0, await Query(db => db.Pqrs.CountAsync()));
    }
}
