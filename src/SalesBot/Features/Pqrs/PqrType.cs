namespace SalesBot.Features.Pqrs;

/// <summary>The kinds of PQR, each with its legal term.</summary>
public enum PqrType
{
    Peticion,
    Queja,
    Reclamo,
    Recurso,
    SolicitudDocumentos,
    Consulta,
}

public static class PqrTypes
{
    private static readonly (PqrType Type, string Code, int Term)[] Table =
    [
        // Ley 142 de 1994 art. 158 (utilities) and Ley 1755 de 2015 art. 14: 15 business days.
        (PqrType.Peticion, "peticion", 15),
        (PqrType.Queja, "queja", 15),
        (PqrType.Reclamo, "reclamo", 15),
        (PqrType.Recurso, "recurso", 15),
        // Ley 1755 de 2015 art. 14: requests for documents 10, consultations 30 business days.
        (PqrType.SolicitudDocumentos, "solicitud_documentos", 10),
        (PqrType.Consulta, "consulta", 30),
    ];

    public static IReadOnlyList<string> Codes => Table.Select(t => t.Code).ToList();

    public static string Code(this PqrType type) => Table.Single(t => t.Type == type).Code;

    /// <summary>The legal term in business days.</summary>
    public static int TermInBusinessDays(this PqrType type) => Table.Single(t => t.Type == type).Term;

    /// <summary>Accepts the codes and the words people write ("petición", "solicitud de documentos").</summary>
    public static bool TryParse(string text, out PqrType type)
    {
        var folded = TextFolding.Fold(text).Replace(' ', '_');
        folded = folded switch
        {
            "solicitud_de_documentos" or "documentos" => "solicitud_documentos",
            _ => folded,
        };
        var match = Table.FirstOrDefault(t => t.Code == folded);
        type = match.Type;
        return match.Code is not null;
    }
}
