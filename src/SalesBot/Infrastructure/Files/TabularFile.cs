using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SalesBot.Infrastructure.Files;

/// <summary>One data row of a spreadsheet: its line number in the file and its cells by (folded) header.</summary>
public sealed record TabularRow(int Line, IReadOnlyDictionary<string, string?> Cells)
{
    public string? this[params string[] headers] =>
        headers.Select(h => Cells.GetValueOrDefault(TabularFile.FoldHeader(h))).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}

/// <summary>A file that cannot be read as a table, with the reason.</summary>
public sealed class TabularFileException(string message) : Exception(message);

/// <summary>
/// Reads CSV (comma or semicolon, as Spanish Excel writes it; UTF-8) and XLSX (first sheet) the
/// same way: a header row, then data rows. Headers are folded ("Dirección" -> "direccion",
/// "Contacto email" -> "contacto_email") so files from different hands match.
/// </summary>
public static class TabularFile
{
    public static (IReadOnlyList<string> Headers, IReadOnlyList<TabularRow> Rows) Read(string path)
    {
        if (!File.Exists(path)) throw new TabularFileException($"{path}: no such file");
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => ReadCsv(path),
            ".xlsx" => ReadXlsx(path),
            var other => throw new TabularFileException($"{path}: '{other}' files are not supported; use .csv or .xlsx"),
        };
    }

    public static string FoldHeader(string header) => TextFolding.Fold(header).Replace(' ', '_');

    private static (IReadOnlyList<string>, IReadOnlyList<TabularRow>) ReadCsv(string path)
    {
        try
        {
            // CsvHelper detects the separator (, ; tab |) and reads UTF-8 with or without a BOM.
            using var csv = new CsvDataReader(CsvReader.FromFile(path), true);
            var headers = Enumerable.Range(0, csv.FieldCount).Select(i => FoldHeader(csv.GetName(i))).ToList();
            if (headers.Count == 0 || headers.All(h => h.Length == 0))
                throw new TabularFileException($"{path}: the file is empty or has no header row");
            var rows = new List<TabularRow>();
            // The header is line 1; a record's number is its position after it (fields spanning
            // lines inside quotes are rare in these files).
            for (var line = 2; csv.Read(); line++)
            {
                var cells = new Dictionary<string, string?>();
                for (var i = 0; i < headers.Count; i++)
                    if (headers[i].Length > 0) cells[headers[i]] = csv.IsDBNull(i) ? null : csv.GetString(i)?.Trim();
                if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new TabularRow(line, cells));
            }
            return (headers.Where(h => h.Length > 0).ToList(), rows);
        }
        catch (CsvFormatException e)
        {
            throw new TabularFileException($"{path}: not a readable CSV file ({e.Message.Split('\n')[0]})");
        }
    }

    private static (IReadOnlyList<string>, IReadOnlyList<TabularRow>) ReadXlsx(string path)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(path, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new TabularFileException($"{path}: the workbook has no sheets");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new TabularFileException($"{path}: the workbook has no sheets");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var sheetRows = part.Worksheet.Descendants<Row>().ToList();
            if (sheetRows.Count == 0) throw new TabularFileException($"{path}: the first sheet is empty");

            var headerCells = Cells(sheetRows[0], shared);
            var headers = headerCells.ToDictionary(c => c.Key, c => FoldHeader(c.Value ?? ""));
            var rows = new List<TabularRow>();
            foreach (var row in sheetRows.Skip(1))
            {
                var values = Cells(row, shared);
                var cells = headers.Values.Where(h => h.Length > 0).Distinct().ToDictionary(h => h, _ => (string?)null);
                foreach (var (column, value) in values)
                    if (headers.TryGetValue(column, out var h) && h.Length > 0) cells[h] = value;
                if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new TabularRow((int)(row.RowIndex?.Value ?? 0), cells));
            }
            return (headers.Values.Where(h => h.Length > 0).ToList(), rows);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or System.Xml.XmlException)
        {
            throw new TabularFileException($"{path}: not a readable XLSX file ({e.Message})");
        }
    }

    /// <summary>Cell text by column letters ("A", "AB"), from shared strings, inline strings or plain values.</summary>
    private static Dictionary<string, string?> Cells(Row row, List<string> shared)
    {
        var result = new Dictionary<string, string?>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = new string((cell.CellReference?.Value ?? "").TakeWhile(char.IsLetter).ToArray());
            var raw = cell.CellValue?.InnerText;
            var text = cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var index) && index < shared.Count
                ? shared[index]
                : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText : raw;
            result[column] = text?.Trim();
        }
        return result;
    }
}
