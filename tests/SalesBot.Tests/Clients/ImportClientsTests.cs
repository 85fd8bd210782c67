using SalesBot.Cli;

namespace SalesBot.Tests.Clients;

/// <summary>`salesbot import clients FILE` on CSV and XLSX files, run in-process against a SQLite file.</summary>
public sealed class ImportClientsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private Task<(int Code, string Out, string Err)> Run(params string[] args) => _cli.Run(args);

    private string Csv(string content) => _cli.Csv(content);

    private const string GoodCsv = """
        nombre;nit;segmento;estado;propietario;direccion;ciudad;fuente;contacto;cargo;email;telefono
        Ferretería El Sol S.A.S.;900.123.456-8;empresarial;prospecto;alexw@contoso.example;Calle 10 # 20-30;Bogotá;Referido;Carlos Ruiz;Compras;carlos@sol.example;+57 601 555 0101
        Conjunto Los Pinos;;regulado;activo;meganb@contoso.example;Carrera 45;Bogotá;Visita;Luz Gómez;Administradora;luz@pinos.example;3001112233
        "Plásticos, Andinos";811222333;gran productor;;;;Cali;;;;;
        """;

    [Fact]
    public async Task A_good_CSV_creates_every_client_and_importing_it_again_changes_nothing()
    {
        Assert.Equal(0, (await Run("seed-demo", "--playground-dir", Path.Combine(_cli.Directory, "pg"))).Code);
        var file = Csv(GoodCsv);

        var first = await Run("import", "clients", file);
        var second = await Run("import", "clients", file);

        Assert.Equal(0, first.Code);
        Assert.Contains("line 2: updated   Ferretería El Sol S.A.S.", first.Out); // the demo already had it: matched by NIT
        Assert.Contains("line 3: created   Conjunto Los Pinos", first.Out);
        Assert.Contains("line 4: created   Plásticos, Andinos", first.Out);
        Assert.Equal(0, second.Code);
        Assert.Contains("0 created, 0 updated, 3 unchanged, 0 rejected.", second.Out);
    }

    [Fact]
    public async Task Bad_rows_are_rejected_one_by_one_with_reasons_and_good_rows_still_land()
    {
        await Run("seed-demo", "--playground-dir", Path.Combine(_cli.Directory, "pg"));
        var file = Csv("""
            nombre,nit,segmento,propietario,ciudad
            Buena S.A.,900555111-6,empresarial,alexw@contoso.example,Cali
            Mala NIT,900555111-2,empresarial,,Cali
            Sin dueño,,enterprise,nadie@contoso.example,Cali
            ,,,,
            Sin segmento,,,,Cali
            Buena S.A.,900.555.111,enterprise,,Cali
            """);

        var (code, output, _) = await Run("import", "clients", file);

        Assert.Equal(CliRunner.Failure, code);
        Assert.Contains("line 2: created   Buena S.A.", output);
        Assert.Contains("line 3: rejected  Mala NIT - The value \"NIT (tax id)\" is not valid: the check digit of 900555111 is 6, not 2.", output);
        Assert.Contains("line 4: rejected  Sin dueño - I couldn't find the person \"nadie@contoso.example\".", output);
        Assert.Contains("line 6: rejected  Sin segmento - The value \"Segment\" is not valid: must be one of: regulated", output);
        Assert.Contains("line 7: rejected  Buena S.A. - It repeats line 2.", output);
        Assert.Contains("1 created, 0 updated, 0 unchanged, 4 rejected.", output);
    }

    [Fact]
    public async Task An_XLSX_file_imports_like_a_CSV_and_a_second_import_changes_nothing()
    {
        await Run("migrate");
        var path = Path.Combine(_cli.Directory, "clientes.xlsx");
        TestSpreadsheets.WriteXlsx(path,
            ["Nombre", "NIT", "Segmento", "Ciudad", "Dirección"],
            ["Ferretería El Sol", "900123456-8", "Empresarial", "Bogotá", "Calle 10"],
            ["Alcaldía de Chía", "899999172", "gobierno", "Chía", "Carrera 11"],
            ["Sin segmento", "", "", "Chía", ""]);

        var first = await Run("import", "clients", path);
        var second = await Run("import", "clients", path);

        Assert.Contains("line 2: created   Ferretería El Sol", first.Out);
        Assert.Contains("line 3: created   Alcaldía de Chía", first.Out);
        Assert.Contains("line 4: rejected  Sin segmento", first.Out);
        Assert.Contains("0 created, 0 updated, 2 unchanged, 1 rejected.", second.Out);
    }

    [Theory]
    [InlineData("clientes.pdf", "not supported")]
    [InlineData("missing.csv", "no such file")]
    public async Task A_file_that_cannot_be_read_is_refused_with_exit_2(string name, string message)
    {
        await Run("migrate");
        var path = Path.Combine(_cli.Directory, name);
        if (name.EndsWith(".pdf")) File.WriteAllText(path, "%PDF-1.4");

        var (code, _, error) = await Run("import", "clients", path);

        Assert.Equal(CliRunner.BadArguments, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task A_file_without_a_name_column_or_a_broken_XLSX_is_refused_with_exit_2()
    {
        await Run("migrate");
        var noName = await Run("import", "clients", Csv("nit,ciudad\n900123456,Cali\n"));
        var broken = Path.Combine(_cli.Directory, "broken.xlsx");
        File.WriteAllText(broken, "not a zip");
        var badXlsx = await Run("import", "clients", broken);

        Assert.Equal((CliRunner.BadArguments, true), (noName.Code, noName.Err.Contains("no client name column")));
        Assert.Equal((CliRunner.BadArguments, true), (badXlsx.Code, badXlsx.Err.Contains("not a readable XLSX")));
    }
}
