using SalesBot.Infrastructure.Files;

namespace SalesBot.Cli;

/// <summary>The table an import command reads, or null after telling the operator why it cannot be read (exit code 2).</summary>
public static class ImportFile
{
    public static async Task<(IReadOnlyList<string> Headers, IReadOnlyList<TabularRow> Rows)?> ReadAsync(string path, TextWriter stderr)
    {
        try
        {
            return TabularFile.Read(path);
        }
        catch (TabularFileException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message);
            return null;
        }
    }

    /// <summary>Columns the importer does not know are reported, so a misspelt header does not go unnoticed.</summary>
    public static async Task NoteUnknownColumnsAsync(IEnumerable<string> headers, Func<string, bool> isKnown, string what, TextWriter stdout)
    {
        foreach (var unknown in headers.Where(h => !isKnown(h)))
            await stdout.WriteLineAsync($"note: column '{unknown}' is not a {what} field and was ignored");
    }
}
