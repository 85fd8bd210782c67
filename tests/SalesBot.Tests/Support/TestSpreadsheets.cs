using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SalesBot.Tests.Support;

public static class TestSpreadsheets
{
    /// <summary>Writes an XLSX file with one sheet whose cells are inline strings, the way many exports do.</summary>
    public static void WriteXlsx(string path, params string[][] rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length == 0) continue;
                row.Append(new Cell
                {
                    CellReference = $"{(char)('A' + c)}{r + 1}",
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(rows[r][c])),
                });
            }
            data.Append(row);
        }
        sheetPart.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Clientes" });
        workbook.Workbook.Save();
    }
}
