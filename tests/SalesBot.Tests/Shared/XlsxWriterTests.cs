using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SalesBot.Infrastructure.Spreadsheets;

namespace SalesBot.Tests.Shared;

/// <summary>The report workbooks take whatever names and notes people typed without becoming unreadable.</summary>
public sealed class XlsxWriterTests
{
    [Fact]
    public async Task Strange_text_and_sheet_names_still_make_a_workbook_excel_opens()
    {
        var buffer = new MemoryStream();
        var hostile = "Cliente\u0001 con\u0007 control\uD800 y 😀 " + new string('x', 40_000);
        await XlsxWriter.WriteAsync(buffer, [
            new XlsxSheet("Visitas [2026/11]: todas las del mes de noviembre", ["Nombre", "Valor", "Fecha"], [[hostile, 12.5m, new DateOnly(2026, 11, 3)]]),
            new XlsxSheet("Visitas [2026/11]: todas las del mes de noviembre", ["Nombre"], []),
            new XlsxSheet("", ["Nombre"], []),
        ], default);

        using var document = SpreadsheetDocument.Open(new MemoryStream(buffer.ToArray()), false);
        var sheets = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Visitas  2026 11   todas las de", "Visitas  2026 11   todas las 2", "Sheet"], sheets.Select(s => s.Name!.Value!));
        var cells = ((WorksheetPart)document.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet!.Descendants<Cell>().ToList();
        var text = cells[3].InnerText;
        Assert.StartsWith("Cliente con control y 😀 xxx", text);
        Assert.Equal(32_767, text.Length); // Excel's limit for a cell
        Assert.Equal("12.5", cells[4].CellValue!.Text);
        Assert.Equal(new DateTime(2026, 11, 3), DateTime.FromOADate(double.Parse(cells[5].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
