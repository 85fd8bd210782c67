namespace SalesBot.Features.Shared;

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
    Rejected,
}

/// <summary>What an import did with one row of its file: the line, what became of it, what it was (a name, a NIT and month), and why not.</summary>
public sealed record ImportRow(int Line, ImportOutcome Outcome, string? Label, IReadOnlyList<DomainError> Reasons)
{
    public static ImportRow Rejected(int line, string? label, IReadOnlyList<DomainError> reasons) => new(line, ImportOutcome.Rejected, label, reasons);
}

/// <summary>One column an import reads: its field, the headers that name it (folded: case, accents and spaces do not matter), whether it must be there, and what it holds.</summary>
public sealed record FileColumn(string Field, string[] Headers, bool Required, string Meaning);

/// <summary>The columns of one kind of file (CSV or XLSX), English names first, Spanish aliases accepted.</summary>
public sealed class FileColumns(params FileColumn[] columns)
{
    public IReadOnlyList<FileColumn> All { get; } = columns;

    public string[] HeadersOf(string field) => All.Single(c => c.Field == field).Headers;

    public bool IsKnown(string foldedHeader) => All.Any(c => c.Headers.Contains(foldedHeader));

    /// <summary>The required columns a file's headers lack (by their first name).</summary>
    public IReadOnlyList<string> MissingFrom(IEnumerable<string> foldedHeaders)
    {
        var headers = foldedHeaders.ToHashSet();
        return All.Where(c => c.Required && !c.Headers.Any(headers.Contains)).Select(c => c.Headers[0]).ToList();
    }
}

/// <summary>A row of an import file as its cells, by field (blank cells are null).</summary>
public sealed class ImportCells(int line, Func<string, string?> cell)
{
    public int Line { get; } = line;

    public string? this[string field] => cell(field) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
