using System.Text;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace SalesBot.Infrastructure.Spreadsheets;

/// <summary>A sheet to write: its name, its header row and its rows of typed values.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes workbooks people open in Excel and sort and sum at once: numbers as numbers, dates as
/// dates (a local <see cref="DateOnly"/> or <see cref="DateTime"/>), yes/no as booleans, text as
/// text, a bold header row that stays in view. Rows are streamed (SpreadCheetah), so a big sheet
/// costs no more memory than a small one, and the XML is the plain kind every reader takes.
/// </summary>
public static class XlsxWriter
{
    private const int MaxSheetName = 31;
    private const int MaxCellText = 32_767; // Excel's limit for a cell

    public static async Task WriteAsync(Stream output, IReadOnlyList<XlsxSheet> sheets, CancellationToken ct)
    {
        // Cell references ("A1") are optional for Excel, but some readers (exceljs, older tools) need them.
        var options = new SpreadCheetahOptions { WriteCellReferenceAttributes = true };
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, options, ct);
        var header = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        var date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        var dateTime = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm") });
        var amount = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0.##") });
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            var layout = new WorksheetOptions { FrozenRows = 1 };
            for (var i = 0; i < sheet.Headers.Count; i++) layout.Column(i + 1).Width = Math.Clamp(sheet.Headers[i].Length + 4, 12, 40);
            await spreadsheet.StartWorksheetAsync(UniqueName(sheet.Name, used), layout, ct);
            await spreadsheet.AddRowAsync(sheet.Headers.Select(h => new Cell(Clean(h), header)).ToArray(), ct);
            foreach (var row in sheet.Rows)
                await spreadsheet.AddRowAsync(row.Select(value => CellOf(value, date, dateTime, amount)).ToArray(), ct);
        }
        await spreadsheet.FinishAsync(ct);
    }

    private static Cell CellOf(object? value, StyleId date, StyleId dateTime, StyleId amount) => value switch
    {
        null => new Cell(),
        string text => new Cell(Clean(text)),
        bool b => new Cell(b),
        int n => new Cell(n),
        long n => new Cell(n),
        decimal d => new Cell(d, amount),
        double d => new Cell(d, amount),
        DateOnly day => new Cell(day.ToDateTime(TimeOnly.MinValue), date),
        DateTime at => new Cell(at, dateTime),
        _ => throw new ArgumentException($"No spreadsheet cell for a {value.GetType().Name}", nameof(value)),
    };

    /// <summary>XML 1.0 cannot carry control characters, and a cell holds at most 32,767: a stray one would make the file unreadable.</summary>
    private static string Clean(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c)))
            return text.Length > MaxCellText ? text[..MaxCellText] : text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length && clean.Length < MaxCellText; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) clean.Append(c).Append(text[++i]);
            else if (!char.IsSurrogate(c) && (!char.IsControl(c) || c is '\t' or '\n' or '\r')) clean.Append(c);
        }
        return clean.Length > MaxCellText ? clean.ToString(0, MaxCellText) : clean.ToString();
    }

    /// <summary>Excel refuses sheet names over 31 characters, with []:*?/\ or repeated.</summary>
    private static string UniqueName(string name, HashSet<string> used)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim().Trim('\'');
        if (clean.Length == 0) clean = "Sheet";
        if (clean.Length > MaxSheetName) clean = clean[..MaxSheetName];
        var unique = clean;
        for (var n = 2; !used.Add(unique); n++) unique = clean[..Math.Min(clean.Length, MaxSheetName - 3)] + " " + n;
        return unique;
    }
}
